// The promise "same seed, same bits": every scenario (src/scenarios.ts) trains to the same model
// file, byte for byte, on one helper thread and on several, in Node and in Debian's Chromium
// (the same source bundled by esbuild, run on a page's main thread), and on the `js` backend
// where the docs promise it equals `wasm` (networks small enough for the fused step).
import { fileURLToPath } from 'node:url';
import { setWasmThreads, wasmThreads } from '@deltanet/tensor';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { scenarios, trainAll, trainScenario } from '../src/scenarios';

// Raising the thread count only works before the shared module is set up: first, for the file.
const THREADS = 3;
setWasmThreads(THREADS);

let inNode: Promise<Record<string, string>> | undefined;
/** The model files trained in this process with THREADS threads (once, shared by the tests). */
function nodeFiles(): Promise<Record<string, string>> {
  inNode ??= trainAll();
  return inNode;
}

/** The first line where two model files differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const line = x.findIndex((text, i) => text !== y[i]);
  return line < 0
    ? 'lengths differ'
    : `line ${line + 1}: ${x[line]?.slice(0, 120)} ≠ ${y[line]?.slice(0, 120)}`;
}

function expectSameFiles(
  actual: Record<string, string>,
  expected: Record<string, string>,
  where: string,
): void {
  for (const scenario of scenarios) {
    const [a, e] = [actual[scenario.name]!, expected[scenario.name]!];
    if (a !== e) {
      expect.fail(
        `${scenario.name} (${scenario.covers}) trains differently ${where}: ${firstDifference(a, e)}`,
      );
    }
  }
}

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('the same seeds train the same model files', () => {
  it('train every scenario to a finite, trained model', async () => {
    expect(wasmThreads()).toBe(THREADS);
    const files = await nodeFiles();
    for (const scenario of scenarios) {
      const doc = JSON.parse(files[scenario.name]!) as { thetas: { values: number[] }[] };
      const values = doc.thetas.flatMap((theta) => theta.values);
      expect(values.every(Number.isFinite), scenario.name).toBe(true);
    }
  });

  it('on one thread as on several', async () => {
    const several = await nodeFiles();
    setWasmThreads(1);
    try {
      expectSameFiles(await trainAll(), several, `on 1 thread than on ${THREADS}`);
    } finally {
      setWasmThreads(THREADS);
    }
  });

  it('on the js backend as on wasm, where the docs promise it (the fused step’s networks)', async () => {
    const files = await nodeFiles();
    const promised = scenarios.filter((s) => s.backendsAgree);
    expect(promised.length).toBeGreaterThan(0);
    for (const scenario of promised) {
      const onJs = await trainScenario(scenario, 'js');
      if (onJs !== files[scenario.name]) {
        expect.fail(`${scenario.name} differs on js: ${firstDifference(onJs, files[scenario.name]!)}`);
      }
    }
  });

  it('in Chromium as in Node', { timeout: 180_000 }, async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('../src/browser-entry.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'Reproducibility',
      platform: 'browser',
      target: 'es2022',
      // The packages' sources, as the tests use them: no build needed.
      conditions: ['@deltanet/source'],
      logLevel: 'silent',
    });
    browser = await launchChromium(chromium);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const userAgent = await page.evaluate(() => navigator.userAgent);
    const files = await page.evaluate(() =>
      (
        globalThis as unknown as { Reproducibility: { run(): Promise<Record<string, string>> } }
      ).Reproducibility.run(),
    );
    expect(errors).toEqual([]);
    expectSameFiles(
      files,
      await nodeFiles(),
      `in ${userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} than in Node ${process.version}`,
    );
  });
});
