// Debian's Chromium driven by playwright-core: no browser download, no sandbox (CI runs as
// root), and none of Chromium's background network traffic.
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { launchChromium as launchWith } from '../../../scripts/chromium.mjs';

/** Launches headless Chromium, found (or installed) by the repository's shared finder. */
export function launchChromium(): Promise<Browser> {
  return launchWith(chromium);
}

/** A page that records every console error and uncaught exception into `errors`. */
export async function watchedPage(
  browser: Browser,
  errors: string[],
  options: { acceptDownloads?: boolean } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, ...options });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return page;
}
