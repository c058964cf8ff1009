import type { Network } from '@deltanet/backprop';
import type { Matrix } from '@deltanet/contract';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import * as ort from 'onnxruntime-node';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { featureLabels } from '../src/features';
import { playgroundData } from '../src/session/playground-data';
import { defaultState } from '../src/state';
import { parseState } from '../src/url-state';
import {
  downloads,
  epoch,
  focusedId,
  openDemo,
  pageNetwork,
  playing,
  pluginNames,
  shot,
  testLoss,
  useDemo,
} from './harness';

const demo = useDemo();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The page's own test inputs for the link `query` (the features of the test points). */
function testInputs(query: string): Matrix {
  return playgroundData({ ...defaultState, ...parseState(query, pluginNames()).state }).test.x;
}

/** Every `expected` value matched by `actual` within float32 rounding of values near 1. */
function expectClose(actual: ArrayLike<number>, expected: Matrix, tolerance: number): void {
  expect(actual.length).toBe(expected.data.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected.data[i]!));
  expect(worst).toBeLessThan(tolerance);
}

describe('regression', () => {
  it('fits the plane with a linear output under squared error: losses only, output coloured by value', async () => {
    const page = await openDemo(demo, '?problem=regression&dataset=plane&speed=100');
    expect(await page.locator('#problem').inputValue()).toBe('regression');
    expect(await page.locator('#output-activation').inputValue()).toBe('linear');
    expect(await page.locator('#loss').inputValue()).toBe('mean-squared-error');
    expect(await page.$$eval('.datasets button', (b) => b.map((x) => x.textContent))).toEqual([
      'plane',
      'multi-gaussian',
    ]);
    // Discretizing makes no sense without classes: disabled, and the reason is on the page.
    expect(await page.locator('#discretize').isDisabled()).toBe(true);
    expect(await page.locator('#discretize-why').textContent()).toMatch(/no classes/);
    await page.click('#play');
    await expect.poll(() => playing(page)).toBe('true');
    // The plane's targets have variance 0.24, so predicting their mean scores ½ · 0.24 = 0.12.
    await page.waitForFunction(
      () => Number(document.querySelector('#test-loss')?.getAttribute('data-value')) < 0.005,
      null,
      { timeout: 45_000 },
    );
    await page.click('#play');
    await expect.poll(() => playing(page)).toBe('false');
    expect(await testLoss(page)).toBeLessThan(0.005);
    expect(await page.locator('.main > .output').textContent()).not.toMatch(/accuracy/i);
    // y = (x1 + x2)/10: about +1 at the top right (blue), −1 at the bottom left (orange).
    const [topRight, bottomLeft] = await page.evaluate(() => {
      const canvas = document.querySelector('#heatmap') as HTMLCanvasElement;
      const at = (x: number, y: number) => Array.from(canvas.getContext('2d')!.getImageData(x, y, 1, 1).data);
      return [at(canvas.width - 12, 12), at(12, canvas.height - 12)];
    });
    expect(topRight![2]!).toBeGreaterThan(topRight![0]! + 60);
    expect(bottomLeft![0]!).toBeGreaterThan(bottomLeft![2]! + 60);
    await shot(page, '14-regression-plane');
  }, 90_000);

  it('switches problem type from the control, keeping it in the URL', async () => {
    const page = await openDemo(demo, '?dataset=xor');
    await page.selectOption('#problem', 'regression');
    await expect.poll(() => new URL(page.url()).searchParams.get('problem')).toBe('regression');
    const url = new URL(page.url()).searchParams;
    expect([url.get('dataset'), url.get('output'), url.get('loss')]).toEqual([
      'plane',
      'linear',
      'mean-squared-error',
    ]);
    // Only the regression pair is offered; the others say why not.
    expect(await page.locator('#output-activation option[value="sigmoid"]').isDisabled()).toBe(true);
    await page.click('.datasets button[data-dataset="multi-gaussian"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('dataset')).toBe('multi-gaussian');
    await page.click('#step');
    await expect.poll(() => epoch(page)).toBe(1);
    await page.selectOption('#problem', 'classification');
    await expect.poll(() => new URL(page.url()).searchParams.get('dataset')).toBe('circle');
    await expect.poll(() => page.locator('#discretize').isDisabled()).toBe(false);
  });
});

describe('download the network', () => {
  it('as ONNX and as a TF.js LayersModel that predict what the page’s network predicts', async () => {
    const query = '?dataset=xor&seed=2';
    const page = await openDemo(demo, query, undefined, { acceptDownloads: true });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) scripts.push(request.url());
    });
    for (let i = 0; i < 3; i++) await page.click('#step');
    await expect.poll(() => epoch(page)).toBe(3);
    const loaded = scripts.length;
    const net: Network = await pageNetwork(page);
    const x = testInputs(query);
    const expected = net.predict(x);

    const onnx = await downloads(page, '#download-onnx', 1);
    // The interop chunk is fetched on the first click, not with the page.
    expect(scripts.length).toBeGreaterThan(loaded);
    const bytes = onnx.get('playground.onnx')!;
    const session = await ort.InferenceSession.create(new Uint8Array(bytes));
    const type = x.data instanceof Float64Array ? 'float64' : 'float32';
    const { output } = await session.run({ input: new ort.Tensor(type, x.data, [x.rows, x.cols]) });
    await session.release();
    // The network is float64 and so is the graph: only the order of Gemm's sums differs.
    expectClose(output!.data as Float64Array, expected, 1e-12);
    expect(await page.locator('#export-status').textContent()).toMatch(/^ONNX: downloaded playground\.onnx/);

    const files = await downloads(page, '#download-tfjs', 2);
    const modelJson = JSON.parse(files.get('playground.json')!.toString('utf8'));
    const weights = files.get('playground.weights.bin')!;
    expect(modelJson.weightsManifest[0].paths).toEqual(['playground.weights.bin']);
    const model = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0].weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      }),
    );
    const prediction = model.predict(tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols])) as tf.Tensor;
    // TF.js runs float32: Θ and x rounded once, then float32 sums through 2 hidden layers.
    expectClose(await prediction.data(), expected, 1e-5);
    await shot(page, '15-download');
  }, 60_000);

  it('says why a TF.js download is not possible (gelu), and still writes ONNX', async () => {
    const page = await openDemo(demo, '?dataset=xor&activations=gelu,gelu', undefined, {
      acceptDownloads: true,
    });
    await page.click('#download-tfjs');
    await expect.poll(() => page.locator('#export-status').getAttribute('data-state')).toBe('refused');
    expect(await page.locator('#export-status').textContent()).toMatch(
      /^TF\.js not available for this network: .*gelu/,
    );
    const onnx = await downloads(page, '#download-onnx', 1);
    expect(onnx.get('playground.onnx')!.length).toBeGreaterThan(100);
    expect(await page.locator('#export-status').getAttribute('data-state')).toBe('exported');
  });
});

describe('weights from the keyboard', () => {
  it('reaches the links by Tab, moves with the arrows, edits with Enter, keeps the focus', async () => {
    const page = await openDemo(demo, '?dataset=xor');
    await page.waitForSelector('#network .links path[data-weight]');
    // The layer count's −, then batch norm and dropout for every hidden layer, then the links.
    await page.focus('#remove-layer');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('batch-norm');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('dropout');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('link-1-0-1');
    await page.keyboard.press('ArrowRight');
    expect(await focusedId(page)).toBe('link-1-0-2');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('weight-value');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('-2.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#link-1-0-2').getAttribute('data-weight')).toBe('-2.5');
    expect(await focusedId(page)).toBe('link-1-0-2');
    // The link stays the one Tab stop of the links: leaving and coming back lands on it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('link-1-0-2');
    // Home is Θ(1)'s first bias weight: its hidden link shows itself while focused.
    await page.keyboard.press('Home');
    expect(await focusedId(page)).toBe('link-1-0-0');
    expect(await page.locator('#link-1-0-0').evaluate((p) => getComputedStyle(p).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.75');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#node-1-0 .bias-dot').getAttribute('data-value')).toBe('0.75');
    expect(await focusedId(page)).toBe('link-1-0-0');
    // Escape closes the editor without a change, focus back on the link.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.locator('.weight-editor').isHidden()).toBe(true);
    expect(await focusedId(page)).toBe('link-1-0-0');
    expect(await epoch(page)).toBe(0);
  });
});

/** Label boxes and link geometry, measured in the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll('#network .unit .value:not([hidden])'), (label) => {
      const r = label.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: label.textContent ?? '' };
    });
    const links = Array.from(
      document.querySelectorAll<SVGPathElement>('#network svg.links path.link'),
      (path) => {
        const svg = path.ownerSVGElement!.getBoundingClientRect();
        const length = path.getTotalLength();
        const half = Number(path.getAttribute('stroke-width') ?? 1) / 2;
        const points = Array.from({ length: 81 }, (_, i) => {
          const p = path.getPointAtLength((length * i) / 80);
          return [svg.left + p.x, svg.top + p.y];
        });
        return { id: path.id, half, points };
      },
    );
    return { boxes, links };
  });
}

describe('step-through labels', () => {
  it.each([
    ['the default network', '?dataset=xor'],
    [
      'a wide network',
      `?dataset=xor&features=${encodeURIComponent('x1,x2,x1²,x2²,x1·x2,sin x1,sin x2')}&hidden=8,8,8`,
    ],
  ])(
    'on %s, no label overlaps a link or another label, in every stage',
    async (_, query) => {
      const page = await openDemo(demo, query);
      await page.click('#step');
      await page.fill('#trace-example', '3');
      await page.click('#trace-start');
      await page.waitForSelector('#formula b');
      let stages = 0;
      for (;;) {
        stages++;
        const { boxes, links } = await measure(page);
        expect(boxes.length).toBeGreaterThan(0);
        for (const box of boxes) {
          for (const link of links) {
            // The stroke's half width plus a pixel of air around the box.
            const m = link.half + 1;
            const hit = link.points.find(
              ([x, y]) => x! > box.left - m && x! < box.right + m && y! > box.top - m && y! < box.bottom + m,
            );
            expect(hit, `stage ${stages}: link ${link.id} crosses the label "${box.text}"`).toBeUndefined();
          }
        }
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
            expect(apart, `stage ${stages}: "${a.text}" overlaps "${b.text}"`).toBe(true);
          }
        }
        if (stages === 5 && query.includes('hidden=8')) await shot(page, '16-step-through-wide');
        if (await page.locator('#stage-next').isDisabled()) break;
        await page.click('#stage-next');
      }
      expect(stages).toBeGreaterThan(4);
    },
    120_000,
  );

  it('names units a⁽ˡ⁾ᵢ, z⁽ˡ⁾ᵢ, δ⁽ˡ⁾ᵢ and features X₁, X₁², sin(X₁): no symbol is a feature name', async () => {
    const page = await openDemo(demo, `?dataset=xor&features=${encodeURIComponent('x1,x2,x1²')}`);
    await page.click('#step');
    await page.click('#trace-start');
    await page.waitForSelector('#formula b');
    const features = await page.$$eval('#network .feature-name', (names) => names.map((n) => n.textContent!));
    expect(features).toEqual(Object.values(featureLabels));
    const symbols = new Set<string>();
    for (;;) {
      for (const text of await page.$$eval('#network .unit .value span', (s) => s.map((x) => x.textContent!)))
        symbols.add(text.split(' ')[0]!);
      if (await page.locator('#stage-next').isDisabled()) break;
      await page.click('#stage-next');
    }
    expect([...symbols].sort()).toEqual(expect.arrayContaining(['a⁽¹⁾₁', 'a⁽²⁾₁', 'z⁽²⁾₁', 'δ⁽⁴⁾₁']));
    for (const symbol of symbols) {
      expect(symbol).toMatch(/^(a|z|δ|g′)⁽[¹²³⁴⁵⁶⁷⁸⁹]⁾[₁₂₃₄₅₆₇₈₉]+$/);
      for (const feature of features) expect(symbol.toLowerCase()).not.toBe(feature.toLowerCase());
    }
  });
});
