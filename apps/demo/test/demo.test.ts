// The demo in a real browser: the built app served from dist/, driven through its controls.
// Screenshots of every state go to test-artifacts/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNetwork, traceBackprop } from '@deltanet/backprop';
import { rowSlice } from '@deltanet/tensor';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playgroundData } from '../src/session/playground-data';
import { defaultState } from '../src/state';
import { parseState } from '../src/url-state';
import { launchChromium, watchedPage } from './browser';
import { serveStatic } from './static-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test-artifacts');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let page: Page;
let errors: string[] = [];
/** Only the bad-link test expects the notice; elsewhere it would be a worker's error. */
let noticeExpected = false;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serveStatic(join(root, 'dist'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  const notice = await page.locator('#notice').textContent();
  if (!noticeExpected) expect(notice).toBe('');
  noticeExpected = false;
  await page?.close();
  expect(errors).toEqual([]);
  errors = [];
});

async function open(query = ''): Promise<Page> {
  page = await watchedPage(browser, errors);
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => document.querySelectorAll('#network .unit canvas').length > 0);
  return page;
}

const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
const epoch = () => page.locator('#epoch').getAttribute('data-epoch').then(Number);

describe('demo in Chromium', () => {
  it('loads the playground with no console errors', async () => {
    await open();
    await page.waitForFunction(
      () => document.querySelector('#test-loss')?.getAttribute('data-value') !== null,
    );
    expect(await page.locator('#network .unit.input:not(.off)').count()).toBe(2);
    expect(await page.locator('#network .unit:not(.input):not(.bias)').count()).toBe(4 + 2 + 1);
    expect(await page.locator('#notice').isHidden()).toBe(true);
    await shot('01-playground-loaded');
  });

  it('reports a bad link and falls back to defaults', async () => {
    noticeExpected = true;
    await open('?dataset=moons&hidden=4,99');
    await expect.poll(() => page.locator('#notice').textContent()).toContain('"moons" is not one of');
    expect(await page.locator('#layer-count').textContent()).toBe('2 hidden layers');
    await shot('02-bad-link-notice');
  });

  it('trains XOR to a test loss below 0.1 and pauses', async () => {
    await open('?dataset=xor&hidden=4,2&activations=tanh,tanh&seed=1');
    await page.click('#play');
    await page.waitForFunction(
      () => Number(document.querySelector('#test-loss')?.getAttribute('data-value')) < 0.1,
      null,
      {
        timeout: 45_000,
      },
    );
    await page.click('#play');
    await page.check('#show-test');
    const stopped = await epoch();
    await page.waitForTimeout(300);
    expect(await epoch()).toBeLessThanOrEqual(stopped + 50);
    expect(Number(await page.locator('#test-loss').getAttribute('data-value'))).toBeLessThan(0.1);
    await shot('03-xor-trained');
  }, 90_000);

  it('changes activation, loss and layers in place, and keeps them in the URL', async () => {
    await open('?dataset=circle');
    await page.selectOption('#activation-1', 'relu');
    await page.selectOption('#loss', 'mean-squared-error');
    await page.click('#add-layer');
    await page.locator('#network .layer-header').nth(2).getByTitle('Add a unit').click();
    expect(await page.locator('#layer-count').textContent()).toBe('3 hidden layers');
    const query = new URL(page.url()).search;
    const { state } = parseState(query, {
      activations: ['relu', 'sigmoid'],
      losses: ['mean-squared-error'],
      optimizers: ['adam'],
      regularizers: ['l2'],
    });
    expect(state).toMatchObject({
      hidden: [4, 2, 3],
      activations: ['relu', 'sigmoid', 'sigmoid'],
      loss: 'mean-squared-error',
    });
    expect(await page.locator('#network .unit:not(.input):not(.bias)').count()).toBe(4 + 2 + 3 + 1);
    await page.click('#step');
    await expect.poll(epoch).toBe(1);
    await page.click('#network .unit.input[title="feature x1²"]');
    expect(await page.locator('#network .unit.input:not(.off)').count()).toBe(3);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#network .unit canvas').length > 0);
    expect(await page.locator('#layer-count').textContent()).toBe('3 hidden layers');
    expect(await page.locator('#activation-1').inputValue()).toBe('relu');
    await shot('04-changed-architecture');
  });

  it('steps through backprop with the numbers the library computes for that example', async () => {
    // Features in another order than the diagram lists them: input unit k is still x's column k.
    const query = '?dataset=xor&features=x2,x1&hidden=3,2&lambda=0.1&seed=4';
    await open(query);
    for (let i = 0; i < 5; i++) await page.click('#step');
    await expect.poll(epoch).toBe(5);
    await page.fill('#trace-example', '7');
    await page.click('#trace-start');
    await page.waitForSelector('#formula b');
    await page.click('#model-export');
    await page.waitForFunction(
      () => (document.querySelector('#model-json') as HTMLTextAreaElement).value.length > 0,
    );
    const model = parseNetwork(await page.locator('#model-json').inputValue());
    const { train } = playgroundData({ ...defaultState, ...parseState(query, names()).state });
    const trace = traceBackprop(model.network, rowSlice(train.x, 7, 8), rowSlice(train.y, 7, 8));

    let stages = 0;
    let checked = 0;
    for (;;) {
      stages++;
      const shown = await page.$$eval('#network .unit .value span', (spans) =>
        spans.map((span) => {
          const unit = span.closest('.unit') as HTMLElement;
          return {
            column: Number(unit.dataset['column']),
            unit: Number(unit.dataset['unit']),
            quantity: span.getAttribute('data-quantity')!,
            value: Number(span.getAttribute('data-value')),
          };
        }),
      );
      for (const { column, unit, quantity, value } of shown) {
        const layer = trace.units[column]!;
        const field = { x: layer.a, a: layer.a, z: layer.z, 'g′': layer.gPrime, δ: layer.delta }[quantity];
        expect(value, `${quantity} of unit ${unit} in layer ${column + 1}`).toBeCloseTo(
          field![0]![unit]!,
          12,
        );
        checked++;
      }
      const gradients = await page.$$eval('#gradient-row td[data-quantity]', (cells) =>
        cells.map((cell) => ({ ...(cell as HTMLElement).dataset })),
      );
      for (const { quantity, layer, row, col, value } of gradients) {
        const weights = trace.weights[Number(layer) - 1]!;
        const expected = (quantity === 'D' ? weights.D : weights.Delta)[Number(row)]![Number(col)]!;
        expect(Number(value)).toBeCloseTo(expected, 12);
        checked++;
      }
      if (stages === 6) {
        // Stages: forward 2, 3, 4, then δ(4), δ(3), δ(2). The focused unit's outgoing links carry δ(3) back.
        await page.click('#network .unit[data-column="1"][data-unit="1"]');
        expect(await page.locator('#formula').innerHTML()).toContain(
          'Θ<sub>12</sub><sup>(2)</sup>·δ<sub>1</sub><sup>(3)</sup>',
        );
        expect(await page.locator('#network .links path.lit-focus').count()).toBe(2);
        await shot('05-step-through-delta');
      }
      if (stages === 1) await shot('05-step-through-forward');
      if (await page.locator('#stage-next').isDisabled()) break;
      await page.click('#stage-next');
    }
    await shot('05-step-through-gradient');
    expect(stages).toBe(3 * (trace.units.length - 1));
    expect(checked).toBeGreaterThan(40);
  });

  it('checks gradients for the current network', async () => {
    await open('?dataset=spiral&hidden=5,3&activations=tanh,relu&lambda=0.5&regularizer=l1&seed=2');
    await page.click('#step');
    await page.click('#gradient-check');
    const relative = await page
      .locator('#relative-difference')
      .getAttribute('data-value', { timeout: 20_000 });
    expect(Number(relative)).toBeLessThan(1e-7);
    await shot('06-gradient-check');
  });

  it('trains on the digits in a worker and classifies a drawn digit', async () => {
    await open('#digits');
    await page.waitForFunction(
      () => document.querySelector('#digits-status')?.getAttribute('data-trained') === 'true',
      null,
      {
        timeout: 90_000,
      },
    );
    expect(Number(await page.locator('#digits-status').getAttribute('data-accuracy'))).toBeGreaterThan(0.85);
    expect(await page.locator('#hidden-units canvas').count()).toBe(32);
    const pad = (await page.locator('#draw-pad').boundingBox())!;
    // A "1": one stroke down the middle, slightly slanted.
    await page.mouse.move(pad.x + 150, pad.y + 40);
    await page.mouse.down();
    for (let t = 1; t <= 20; t++) await page.mouse.move(pad.x + 150 - t, pad.y + 40 + t * 10);
    await page.mouse.up();
    await expect.poll(() => page.locator('#prediction').getAttribute('data-digit')).toBe('1');
    await shot('07-digits-one');
    await page.click('#digits-clear');
    // A "0": an ellipse.
    await page.mouse.move(pad.x + 140 + 60, pad.y + 140);
    await page.mouse.down();
    for (let t = 1; t <= 40; t++) {
      const angle = (2 * Math.PI * t) / 40;
      await page.mouse.move(pad.x + 140 + 60 * Math.cos(angle), pad.y + 140 + 90 * Math.sin(angle));
    }
    await page.mouse.up();
    await expect.poll(() => page.locator('#prediction').getAttribute('data-digit')).toBe('0');
    await shot('08-digits-zero');
  }, 150_000);
});

function names() {
  return {
    activations: ['sigmoid', 'tanh', 'relu'],
    losses: ['cross-entropy'],
    optimizers: ['adam'],
    regularizers: ['l1', 'l2'],
  };
}
