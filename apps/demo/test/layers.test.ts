import { join } from 'node:path';
import { describeSpec, traceBackprop } from '@deltanet/backprop';
import type { Matrix } from '@deltanet/contract';
import { rowSlice } from '@deltanet/tensor';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import * as ort from 'onnxruntime-node';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { playgroundData } from '../src/session/playground-data';
import { defaultState } from '../src/state';
import { parseState } from '../src/url-state';
import { artifacts, downloads, epoch, openDemo, pageNetwork, pluginNames, useDemo } from './harness';

const demo = useDemo();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const query = '?dataset=xor&hidden=4,3&activations=tanh,tanh&optimizer=adam&seed=2';
const data = (url: string) =>
  playgroundData({ ...defaultState, ...parseState(new URL(url).search, pluginNames()).state });

/** Switches batch norm on and dropout to 0.2, and waits for the link to say so. */
async function addLayers(page: Page): Promise<void> {
  await page.check('#batch-norm');
  await expect.poll(() => page.url()).toContain('batchNorm=1');
  await page.selectOption('#dropout', '0.2');
  await expect.poll(() => page.url()).toContain('batchNorm=1&dropout=0.2');
}

function worstDifference(actual: ArrayLike<number>, expected: Matrix): number {
  expect(actual.length).toBe(expected.data.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected.data[i]!));
  return worst;
}

describe('batch norm and dropout in the playground', () => {
  it('adds them after every hidden layer, trains, and steps through their stages with traceBackprop’s numbers', async () => {
    const page = await openDemo(demo, query);
    await addLayers(page);
    for (let i = 0; i < 4; i++) await page.click('#step');
    await expect.poll(() => epoch(page)).toBe(4);
    const network = await pageNetwork(page);
    const dropout = { name: 'dropout', options: { rate: 0.2 } };
    const bn = { name: 'batch-norm', options: { momentum: 0.99, epsilon: 1e-3 } };
    expect(describeSpec(network.spec).layers).toEqual([2, 4, bn, dropout, 3, bn, dropout, 1]);
    // Training moved the running statistics off their start.
    expect(Array.from(network.state).every((v) => v !== 0 && v !== 1)).toBe(true);
    await page.screenshot({ path: join(artifacts, 'layers.png'), fullPage: true });

    await page.fill('#trace-example', '5');
    await page.fill('#trace-count', '8');
    await page.click('#trace-start');
    await page.waitForSelector('#formula b');
    const { train } = data(page.url());
    const trace = traceBackprop(network, rowSlice(train.x, 5, 13), rowSlice(train.y, 5, 13));
    const titles: string[] = [];
    let checked = 0;
    for (;;) {
      const title = (await page.locator('#stage-title').textContent())!;
      titles.push(title.replace(/^\d+\/\d+\s+/, ''));
      const cells = await page.$$eval('#layer-table td[data-quantity]', (c) =>
        c.map((x) => ({
          quantity: x.getAttribute('data-quantity')!,
          value: Number(x.getAttribute('data-value')),
        })),
      );
      const bn = /batch-norm after layer (\d)/.exec(title);
      if (bn && title.includes('Backward')) {
        // Dγ and Dβ of this batch-norm, as the library's trace has them.
        const layer = trace.layers.filter((l) => l.kind === 'batch-norm')[Number(bn[1]) - 2]!;
        const [gamma, beta] = layer.parameters;
        const shown = (q: string) => cells.filter((c) => c.quantity === q).map((c) => c.value);
        shown('D-gamma').forEach((v, j) => expect(v).toBeCloseTo(gamma!.D[0]![j]!, 12));
        shown('D-beta').forEach((v, j) => expect(v).toBeCloseTo(beta!.D[0]![j]!, 12));
        checked += shown('D-gamma').length + shown('D-beta').length;
        if (bn[1] === '2')
          await page.screenshot({ path: join(artifacts, 'layers-step-through.png'), fullPage: true });
      }
      if (bn && title.includes('Forward')) {
        const layer = trace.layers.filter((l) => l.kind === 'batch-norm')[Number(bn[1]) - 2]!;
        const outputs = cells.filter((c) => c.quantity === 'bn').map((c) => c.value);
        outputs.forEach((v, j) => expect(v).toBeCloseTo(layer.output[0]![j]!, 12));
        checked += outputs.length;
        // The diagram carries bn⁽ˡ⁾ᵢ on the units of layer l.
        expect(
          await page
            .locator(`#network .unit[data-column="${Number(bn[1]) - 1}"] span[data-quantity="bn"]`)
            .count(),
        ).toBe(outputs.length);
      }
      if (await page.locator('#stage-next').isDisabled()) break;
      await page.click('#stage-next');
    }
    for (const l of [2, 3]) {
      for (const stage of [
        `Forward: batch-norm after layer ${l}`,
        `Forward: dropout after layer ${l}`,
        `Backward: through dropout after layer ${l}`,
        `Backward: through batch-norm after layer ${l}`,
      ])
        expect(
          titles.some((t) => t.startsWith(stage)),
          stage,
        ).toBe(true);
    }
    expect(titles).toHaveLength(4 * 3 + 2 * 4);
    expect(checked).toBeGreaterThan(20);
  }, 90_000);

  it('downloads them as ONNX and TF.js that predict what the page’s network predicts', async () => {
    const page = await openDemo(demo, query, undefined, { acceptDownloads: true });
    await addLayers(page);
    for (let i = 0; i < 3; i++) await page.click('#step');
    await expect.poll(() => epoch(page)).toBe(3);
    const network = await pageNetwork(page);
    const { x } = data(page.url()).test;
    const expected = network.predict(x);

    const onnx = await downloads(page, '#download-onnx', 1);
    const session = await ort.InferenceSession.create(new Uint8Array(onnx.get('playground.onnx')!));
    const { output } = await session.run({ input: new ort.Tensor('float64', x.data, [x.rows, x.cols]) });
    await session.release();
    expect(worstDifference(output!.data as Float64Array, expected)).toBeLessThan(1e-12);

    const files = await downloads(page, '#download-tfjs', 2);
    const modelJson = JSON.parse(files.get('playground.json')!.toString('utf8'));
    const weights = files.get('playground.weights.bin')!;
    const model = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0].weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      }),
    );
    expect(model.layers.map((layer) => layer.getClassName())).toEqual([
      ...['Dense', 'BatchNormalization', 'Dropout'],
      ...['Dense', 'BatchNormalization', 'Dropout', 'Dense'],
    ]);
    const prediction = model.predict(tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols])) as tf.Tensor;
    // float32 arithmetic with the running statistics and Θ rounded once.
    expect(worstDifference(await prediction.data(), expected)).toBeLessThan(1e-5);
    expect(await page.locator('#export-status').textContent()).toMatch(/^TF\.js: downloaded/);
  }, 60_000);
});
