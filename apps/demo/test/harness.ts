// What every browser test of the demo shares: the built app served from dist/, Chromium, a page
// that records console errors, and readers of the page's state. One place, so the test files
// stay about what they test.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Network } from '@deltanet/backprop';
import { parseNetwork } from '@deltanet/backprop';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, watchedPage } from './browser';
import { serveStatic } from './static-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Screenshots of every state, for a person to look at. */
export const artifacts = join(root, 'test-artifacts');

/** The browser, the server and the page of the current test, with its recorded errors. */
export interface Demo {
  browser: Browser;
  server: { url: string; close: () => Promise<void> };
  page: Page;
  errors: string[];
  /** Only a test that expects the notice sets this; elsewhere a notice is a worker's error. */
  noticeExpected: boolean;
}

/**
 * Registers the suite's hooks (server and browser once per file; after each test: no notice
 * unless expected, no console errors) and returns the shared state they fill in.
 */
export function useDemo(): Demo {
  const demo = { errors: [], noticeExpected: false } as unknown as Demo;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    demo.server = await serveStatic(join(root, 'dist'));
    demo.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.close();
  });
  afterEach(async () => {
    const notice = await demo.page.locator('#notice').textContent();
    if (!demo.noticeExpected) expect(notice).toBe('');
    demo.noticeExpected = false;
    await demo.page?.close();
    expect(demo.errors).toEqual([]);
    demo.errors = [];
  });
  return demo;
}

/** Opens the demo at `query` (and viewport) in a new watched page, once the diagram is drawn. */
export async function openDemo(
  demo: Demo,
  query = '',
  viewport?: { width: number; height: number },
  options: { acceptDownloads?: boolean } = {},
): Promise<Page> {
  const page = await watchedPage(demo.browser, demo.errors, options);
  demo.page = page;
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript(countSnapshotsInFlight);
  await page.goto(`${demo.server.url}${query}`);
  await page.waitForFunction(() => document.querySelectorAll('#network .unit canvas').length > 0);
  return page;
}

/**
 * Runs in the page before its code: wraps Worker to count snapshots received and not yet
 * acknowledged, so a test can see that at most one is ever in flight.
 */
function countSnapshotsInFlight() {
  const counts = { now: 0, max: 0, snapshots: 0 };
  (window as unknown as { inFlight: typeof counts }).inFlight = counts;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent) => {
        if (event.data?.type !== 'snapshot') return;
        counts.snapshots++;
        counts.now++;
        counts.max = Math.max(counts.max, counts.now);
      });
    }
    override postMessage(message: unknown, transfer?: unknown): void {
      const type = (message as { type?: string })?.type;
      if (type === 'ack') counts.now--;
      // A new session: snapshots of the old one are dropped unacknowledged, by design.
      if (type === 'configure') counts.now = 0;
      super.postMessage(message, transfer as Transferable[]);
    }
  };
}

/** Whether the play button shows the confirmed playing state ("true"/"false"). */
export const playing = (page: Page) => page.locator('#play').getAttribute('data-playing');
export const testLoss = (page: Page) => page.locator('#test-loss').getAttribute('data-value').then(Number);
export const epoch = (page: Page) => page.locator('#epoch').getAttribute('data-epoch').then(Number);
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
/** The id of the element holding the keyboard focus. */
export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/** Gaps between animation frames in the page over `ms` milliseconds. */
export function frameGaps(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const gaps: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(gaps);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** The 99th percentile of frame gaps (the first, from before the first frame, left out). */
export const p99 = (gaps: number[]) => {
  const sorted = gaps.slice(1).sort((a, b) => a - b);
  return sorted[Math.floor(0.99 * (sorted.length - 1))]!;
};

/** The page's current network, read back through its model file (Export model). */
export async function pageNetwork(page: Page): Promise<Network> {
  await page.click('#model-export');
  await page.waitForFunction(
    () => (document.querySelector('#model-json') as HTMLTextAreaElement).value.length > 0,
  );
  return parseNetwork(await page.locator('#model-json').inputValue()).network;
}

/** Plugin names for parseState, as the page's registry offers them (enough for the tests' links). */
export function pluginNames() {
  return {
    activations: ['linear', 'sigmoid', 'tanh', 'relu'],
    losses: ['cross-entropy', 'mean-squared-error'],
    optimizers: ['adam', 'sgd'],
    lineSearchOptimizers: [],
    regularizers: ['l1', 'l2'],
  };
}

/** Clicks `selector` and resolves with the `count` downloads it starts (name and bytes). */
export async function downloads(page: Page, selector: string, count: number): Promise<Map<string, Buffer>> {
  const started: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const listener = (download: Download) => {
      started.push(download);
      if (started.length === count) {
        page.off('download', listener);
        resolve();
      }
    };
    page.on('download', listener);
  });
  await page.click(selector);
  await all;
  const files = new Map<string, Buffer>();
  for (const download of started)
    files.set(download.suggestedFilename(), await readFile((await download.path())!));
  return files;
}
