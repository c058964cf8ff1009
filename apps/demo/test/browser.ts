// Debian's Chromium driven by playwright-core: no browser download, no sandbox (CI runs as
// root), and none of Chromium's background network traffic.
import { existsSync } from 'node:fs';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Launches headless Chromium, or fails saying how to install it (the suite never skips). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The demo's browser tests need Chromium at ${chromiumPath}: install it with ` +
        '`apt-get install -y --no-install-recommends chromium` (.ci/run does this in CI).',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records every console error and uncaught exception into `errors`. */
export async function watchedPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return page;
}
