// The demo in a real browser: the built app served from dist/, driven through its controls.
// Screenshots of every state go to test-artifacts/ for a person to look at.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { traceBackprop } from '@deltanet/backprop';
import { rowSlice } from '@deltanet/tensor';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playgroundData } from '../src/session/playground-data';
import { defaultState } from '../src/state';
import { parseState } from '../src/url-state';
import * as harness from './harness';
import { artifacts, frameGaps, openDemo, p99, pageNetwork, pluginNames, useDemo } from './harness';

const demo = useDemo();
let page: Page;
const open = async (query = '', viewport?: { width: number; height: number }) => {
  page = await openDemo(demo, query, viewport);
  return page;
};
const playing = () => harness.playing(page);
const testLoss = () => harness.testLoss(page);
const epoch = () => harness.epoch(page);
const shot = (name: string) => harness.shot(page, name);

describe('demo in Chromium', () => {
  it('loads the playground with no console errors and says what computes', async () => {
    await open();
    await page.waitForFunction(
      () => document.querySelector('#test-loss')?.getAttribute('data-value') !== null,
    );
    expect(await page.locator('#network .unit.input:not(.off)').count()).toBe(2);
    expect(await page.locator('#network .unit:not(.input):not(.bias)').count()).toBe(4 + 2 + 1);
    expect(await page.locator('#notice').isHidden()).toBe(true);
    expect(await page.locator('#backend').textContent()).toMatch(
      /wasm backend .* on 1 thread in a Web Worker/,
    );
    // Biases are visible without tracing: one marker per hidden and output unit, its value on hover.
    expect(await page.locator('#network .bias-dot[data-value]').count()).toBe(4 + 2 + 1);
    expect(await page.locator('#network .bias-dot').first().getAttribute('title')).toMatch(
      /^bias Θ1,0\(1\) = /,
    );
    await page.hover('#network .unit[data-column="1"][data-unit="0"]');
    expect(await page.locator('#network .unit-zoom').isVisible()).toBe(true);
    await shot('01-playground-loaded');
  });

  it('reports a bad link and explains an out-of-range field instead of reverting it', async () => {
    demo.noticeExpected = true;
    await open('?dataset=moons&hidden=4,99');
    await expect.poll(() => page.locator('#notice').textContent()).toContain('"moons" is not one of');
    expect(await page.locator('#layer-count').textContent()).toBe('2 hidden layers');
    await page.fill('#batch-size', '500');
    await page.press('#batch-size', 'Enter');
    expect(await page.locator('#batch-size').inputValue()).toBe('500');
    expect(await page.locator('#batch-size').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#batch-size-error').textContent()).toBe(
      '"500" is not a whole number from 1 to 100; still using 10',
    );
    expect(new URL(page.url()).searchParams.get('batch')).toBeNull();
    await shot('02-bad-link-notice');
  });

  it.each([
    ['xor', 'xor'],
    ['circle', 'circle'],
  ])(
    'learns %s from the defaults in well under 1,000 epochs, at the default pace',
    async (_, dataset) => {
      await open(`?dataset=${dataset}`);
      expect(await page.locator('#speed').inputValue()).toBe('20');
      expect(await page.locator('#activation-1').inputValue()).toBe('tanh');
      await page.click('#play');
      await expect.poll(playing).toBe('true');
      await page.waitForFunction(
        () => Number(document.querySelector('#test-loss')?.getAttribute('data-value')) < 0.1,
        null,
        { timeout: 45_000 },
      );
      expect(await epoch()).toBeLessThan(500);
      await page.click('#play');
      await expect.poll(playing).toBe('false');
      const stopped = await epoch();
      await page.waitForTimeout(300);
      expect(await epoch()).toBe(stopped);
      await page.check('#show-test');
      expect(new URL(page.url()).searchParams.get('showTest')).toBe('1');
      if (dataset === 'xor') await shot('03-xor-trained');
    },
    90_000,
  );

  it('pauses and plays 20 times, the button always showing what the worker confirmed', async () => {
    await open('?dataset=xor&speed=100');
    for (let round = 0; round < 20; round++) {
      const before = await epoch();
      await page.click('#play');
      await expect.poll(playing, { message: `round ${round}: play` }).toBe('true');
      expect(await page.locator('#play').getAttribute('aria-label')).toBe('Pause');
      await expect.poll(epoch, { message: `round ${round}: training` }).toBeGreaterThan(before);
      await page.click('#play');
      await expect.poll(playing, { message: `round ${round}: pause` }).toBe('false');
      const paused = await epoch();
      await page.waitForTimeout(100);
      expect(await epoch(), `round ${round}: still after pause`).toBe(paused);
    }
    expect(await page.locator('#play').getAttribute('aria-label')).toBe('Play');
  }, 90_000);

  it('trains the largest network with frames under 50 ms (p99), one snapshot in flight, flat memory', async () => {
    const all = 'x1,x2,x1²,x2²,x1·x2,sin x1,sin x2';
    await open(`?dataset=spiral&features=${encodeURIComponent(all)}&hidden=8,8,8,8,8,8&speed=0`);
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    };
    const idle = p99(await frameGaps(page, 2000));
    await page.click('#play');
    await expect.poll(playing).toBe('true');
    await page.waitForTimeout(1500);
    const start = await heap();
    const startEpoch = await epoch();
    const frames = await frameGaps(page, 8000);
    const end = await heap();
    const counts = await page.evaluate(
      () => (window as unknown as { inFlight: { max: number; snapshots: number } }).inFlight,
    );
    await page.click('#play');
    await expect.poll(playing).toBe('false');
    const idleAfter = p99(await frameGaps(page, 2000));
    const load = loadavg()[0]!;
    const sorted = frames.slice(1).sort((a, b) => a - b);
    const busy = p99(frames);
    // The target is 50 ms. When the idle page itself misses frames before or after the run, or
    // the machine's load average exceeds its cores (the rest of the suite beside this file, other
    // jobs on a shared box), a wall-clock frame time measures the machine, not the page: then
    // only the freeze guard below holds. Either way the figures are reported, in the log and in
    // test-artifacts/frame-times.json.
    const quiet = idle <= 25 && idleAfter <= 25 && load < availableParallelism();
    const figures = {
      network: 'spiral, 7 features, 8-8-8-8-8-8 tanh, as fast as possible',
      frames: frames.length,
      p99Ms: Number(busy.toFixed(1)),
      idleP99Ms: [Number(idle.toFixed(1)), Number(idleAfter.toFixed(1))],
      loadAverage: Number(load.toFixed(2)),
      cores: availableParallelism(),
      longestMs: sorted.slice(-8).map(Math.round),
      heapMb: [Number(start.toFixed(1)), Number(end.toFixed(1))],
      epochs: (await epoch()) - startEpoch,
      snapshots: counts.snapshots,
      targetChecked: quiet,
    };
    writeFileSync(join(artifacts, 'frame-times.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(
      `largest network: ${figures.frames} frames, p99 ${figures.p99Ms} ms (idle page ${figures.idleP99Ms.join(' / ')} ms, load ${figures.loadAverage} on ${figures.cores} cores), ` +
        `heap ${start.toFixed(1)} → ${end.toFixed(1)} MB, ${figures.epochs} epochs, ${counts.snapshots} snapshots; ` +
        `longest ${figures.longestMs.join(' ')} ms; ` +
        (quiet
          ? '50 ms target checked'
          : 'the machine is busy (an idle p99 over 25 ms, or load above the cores): 50 ms target not checked'),
    );
    if (quiet) expect(busy).toBeLessThan(50);
    // The page never stops answering (the bug was minutes without a frame); a busy machine can
    // delay a frame by a second, never by minutes.
    expect(sorted.at(-1)!).toBeLessThan(quiet ? 1000 : 10_000);
    expect(Math.abs(end - start)).toBeLessThan(20);
    expect(counts.max).toBe(1);
    expect(counts.snapshots).toBeGreaterThan(20);
    expect(await epoch()).toBeGreaterThan(startEpoch);
    await shot('04-largest-network');
  }, 60_000);

  it('shows a divergence during play at once and lights up where the first NaN came from', async () => {
    demo.noticeExpected = true;
    await open(
      '?dataset=spiral&hidden=8,8&activations=relu,relu&output=linear&loss=mean-squared-error&lr=10&speed=0',
    );
    await page.click('#play');
    await expect
      .poll(() => page.locator('#notice').textContent(), { timeout: 20_000 })
      .toMatch(/^Training diverged in epoch \d+, batch \d+: /);
    await expect.poll(playing).toBe('false');
    const notice = (await page.locator('#notice').textContent())!;
    const failed = Number(/epoch (\d+)/.exec(notice)![1]);
    expect(await epoch()).toBe(failed - 1);
    expect(await page.locator('#network .diverged').count()).toBe(1);
    expect(
      (await page.locator('#nan-origin').count()) + (await page.locator('.links path.diverged').count()),
    ).toBe(1);
    await shot('05-divergence');
  });

  it('keeps Θ when training settings change mid-run, restarts when the network changes', async () => {
    await open('?dataset=xor&speed=100');
    await page.click('#play');
    await expect.poll(epoch).toBeGreaterThan(20);
    await page.click('#play');
    await expect.poll(playing).toBe('false');
    const stopped = await epoch();
    const weights = () =>
      page.$$eval('#network .links path.link', (paths) => paths.map((p) => p.getAttribute('data-weight')));
    // A snapshot is drawn over three animation frames (links last): let the paused one land.
    let before = await weights();
    await expect
      .poll(async () => {
        await page.waitForTimeout(250);
        const now = await weights();
        const settled = JSON.stringify(now) === JSON.stringify(before);
        before = now;
        return settled;
      })
      .toBe(true);
    await page.selectOption('#regularizer', 'l2');
    await page.selectOption('#optimizer', 'adam');
    for (const [selector, value] of [
      ['#batch-size', '20'],
      ['#lambda', '0.01'],
      ['#learning-rate', '0.1'],
    ] as const) {
      await page.fill(selector, value);
      await page.press(selector, 'Enter');
    }
    await page.waitForTimeout(300);
    expect(await epoch()).toBe(stopped);
    expect(await weights()).toEqual(before);
    // Focus stays on the control just used, though the toolbar was rebuilt.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('learning-rate');
    await page.click('#step');
    await expect.poll(epoch).toBe(stopped + 1);
    await page.click('#add-layer');
    await expect.poll(epoch).toBe(0);
    expect(new URL(page.url()).searchParams.get('optimizer')).toBe('adam');
  });

  it('offers only output and loss pairs that make sense, and says what it changed', async () => {
    await open('?dataset=circle');
    expect(await page.locator('#output-activation option[value="softmax"]').isDisabled()).toBe(true);
    expect(await page.locator('#loss option[value="softmax-cross-entropy"]').isDisabled()).toBe(true);
    await page.selectOption('#output-activation', 'linear');
    expect(await page.locator('#loss').inputValue()).toBe('mean-squared-error');
    expect(await page.locator('#advice').textContent()).toMatch(/cross-entropy needs an output in \(0, 1\)/);
    expect(await page.locator('#loss option[value="cross-entropy"]').isDisabled()).toBe(true);
    await page.click('#step');
    await expect.poll(epoch).toBe(1);
    expect(await testLoss()).toBeGreaterThan(0);
  });

  it('changes activation, loss and layers in place, and keeps them in the URL', async () => {
    await open('?dataset=circle');
    await page.selectOption('#activation-1', 'relu');
    await page.selectOption('#loss', 'mean-squared-error');
    await page.click('#add-layer');
    await page.locator('#network .layer-header').nth(2).getByTitle('Add a unit').click();
    expect(await page.locator('#layer-count').textContent()).toBe('3 hidden layers');
    const query = new URL(page.url()).search;
    const { state } = parseState(query, pluginNames());
    expect(state).toMatchObject({
      hidden: [4, 2, 3],
      activations: ['relu', 'tanh', 'tanh'],
      loss: 'mean-squared-error',
    });
    expect(await page.locator('#network .unit:not(.input):not(.bias)').count()).toBe(4 + 2 + 3 + 1);
    await page.click('#step');
    await expect.poll(epoch).toBe(1);
    await page.click('#network .unit.input[title="feature X₁²"]');
    expect(await page.locator('#network .unit.input:not(.off)').count()).toBe(3);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#network .unit canvas').length > 0);
    expect(await page.locator('#layer-count').textContent()).toBe('3 hidden layers');
    expect(await page.locator('#activation-1').inputValue()).toBe('relu');
    await shot('06-changed-architecture');
  });

  it('reaches a test loss below 0.1 on the spiral with its preset', async () => {
    await open('?dataset=spiral&speed=0');
    await page.click('#spiral-preset');
    expect(await page.locator('#layer-count').textContent()).toBe('3 hidden layers');
    await page.click('#play');
    await page.waitForFunction(
      () => Number(document.querySelector('#test-loss')?.getAttribute('data-value')) < 0.1,
      null,
      { timeout: 45_000 },
    );
    await page.click('#play');
    await expect.poll(playing).toBe('false');
    await shot('07-spiral-preset');
  }, 60_000);

  it('works from the keyboard, keeping the focus where it was', async () => {
    await open('?dataset=xor&speed=100');
    // Input x1² is the third feature: Enter adds it, the rebuilt diagram keeps the focus on it.
    await page.focus('#node-0-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#network .unit.input:not(.off)').count()).toBe(3);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('node-0-2');
    expect(await page.locator('#node-0-2').getAttribute('aria-pressed')).toBe('true');
    await page.focus('#play');
    await page.keyboard.press('Enter');
    await expect.poll(playing).toBe('true');
    await page.keyboard.press(' ');
    await expect.poll(playing).toBe('false');
    await page.focus('#speed');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('speed')).toBe('500');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('speed');
  });

  it('edits a weight by clicking its link', async () => {
    await open('?dataset=xor');
    // The worker's first weights redraw the diagram: a click before them can land on links that
    // are about to be replaced (seen under load), so wait for them as a user would see them.
    await page.waitForSelector('#network .links path[data-weight]');
    const link = page.locator('#network .links path.link:not(.bias-link)').first();
    const box = (await link.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.fill('#weight-value', '3.25');
    await page.press('#weight-value', 'Enter');
    await expect.poll(() => page.locator('#network .links path[data-weight="3.25"]').count()).toBe(1);
    expect(await epoch()).toBe(0);
  });

  it('steps through backprop with the numbers the library computes for that example', async () => {
    // Features in another order than the diagram lists them: input unit k is still x's column k.
    const query = '?dataset=xor&features=x2,x1&hidden=3,2&regularizer=l2&lambda=0.1&seed=4';
    await open(query);
    for (let i = 0; i < 5; i++) await page.click('#step');
    await expect.poll(epoch).toBe(5);
    await page.fill('#trace-example', '7');
    await page.click('#trace-start');
    await page.waitForSelector('#formula b');
    const network = await pageNetwork(page);
    const { train } = playgroundData({ ...defaultState, ...parseState(query, pluginNames()).state });
    const trace = traceBackprop(network, rowSlice(train.x, 7, 8), rowSlice(train.y, 7, 8));

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
      for (const cell of gradients) {
        expect(Number(cell.value), `${cell.quantity} ${cell.layer},${cell.row},${cell.col}`).toBeCloseTo(
          expectedCell(trace, cell, 0.03),
          12,
        );
        checked++;
      }
      if (stages === 6) {
        // Stages: forward 2, 3, 4, then δ(4), δ(3), δ(2). The focused unit's outgoing links carry δ(3) back.
        await page.click('#network .unit[data-column="1"][data-unit="1"]');
        expect(await page.locator('#formula').innerHTML()).toContain(
          'Θ<sub>12</sub><sup>(2)</sup>·δ<sub>1</sub><sup>(3)</sup>',
        );
        expect(await page.locator('#network .links path.lit-focus').count()).toBe(2);
        await shot('08-step-through-delta');
      }
      if (stages === 1) await shot('08-step-through-forward');
      if (await page.locator('#stage-next').isDisabled()) break;
      await page.click('#stage-next');
    }
    await shot('08-step-through-gradient');
    expect(stages).toBe(4 * (trace.units.length - 1));
    expect(checked).toBeGreaterThan(40);
  });

  it('steps through a minibatch: Δ accumulating over m examples, D, then Θ − αD, as traceBackprop says', async () => {
    const query = '?dataset=circle&hidden=3&activations=tanh&regularizer=l2&lambda=0.2&lr=0.1&seed=3';
    await open(query);
    for (let i = 0; i < 3; i++) await page.click('#step');
    await expect.poll(epoch).toBe(3);
    await page.fill('#trace-example', '20');
    await page.fill('#trace-count', '10');
    await page.click('#trace-start');
    await page.waitForSelector('#formula b');
    const network = await pageNetwork(page);
    const { train } = playgroundData({ ...defaultState, ...parseState(query, pluginNames()).state });
    const trace = traceBackprop(network, rowSlice(train.x, 20, 30), rowSlice(train.y, 20, 30));
    expect(trace.m).toBe(10);
    const kinds: string[] = [];
    let checked = 0;
    for (;;) {
      const title = (await page.locator('#stage-title').textContent())!;
      kinds.push(/^\d+\/\d+\s+(\w+)/.exec(title)![1]!);
      const sums = await page.$$eval('#accumulation td[data-quantity]', (cells) =>
        cells.map((cell) => Number(cell.getAttribute('data-value'))),
      );
      if (sums.length > 0) {
        expect(sums).toHaveLength(10);
        const cells = await page.$$eval('#gradient-row td[data-quantity="Delta"]', (c) =>
          c.map((x) => ({ ...(x as HTMLElement).dataset })),
        );
        const { layer, row } = cells[0]!;
        // The running sum ends at Δⱼ₁(l) of the whole batch.
        expect(sums[9]!).toBeCloseTo(trace.weights[Number(layer) - 1]!.Delta[Number(row)]![1]!, 12);
        checked++;
      }
      const cells = await page.$$eval(
        '#gradient-row td[data-quantity]:not([data-quantity="Delta-sum"])',
        (c) => c.map((x) => ({ ...(x as HTMLElement).dataset })),
      );
      for (const cell of cells) {
        expect(Number(cell.value), `${cell.quantity} ${cell.layer},${cell.row},${cell.col}`).toBeCloseTo(
          expectedCell(trace, cell, 0.1),
          12,
        );
        checked++;
      }
      if (kinds.length === 5) await shot('08-step-through-minibatch');
      if (await page.locator('#stage-next').isDisabled()) break;
      await page.click('#stage-next');
    }
    expect(kinds).toEqual([
      'Forward',
      'Forward',
      'Backward',
      'Backward',
      'Gradient',
      'Gradient',
      'Update',
      'Update',
    ]);
    expect(checked).toBeGreaterThan(20);
  });

  it('checks gradients with the library verdict, points at the worst weights, clears on change', async () => {
    await open('?dataset=spiral&hidden=5,3&activations=tanh,relu&lambda=0.5&regularizer=l1&seed=2');
    await page.click('#step');
    await page.click('#gradient-check');
    await page.waitForSelector('#gradient-verdict', { timeout: 20_000 });
    expect(await page.locator('#gradient-verdict').getAttribute('data-passed')).toBe('true');
    expect(await page.locator('#gradient-verdict').textContent()).toMatch(
      /^Backprop and numerical gradients agree/,
    );
    const worst = page.locator('#gradient-worst tr[data-layer]').first();
    const { layer, row, column } = await worst.evaluate((tr) => ({ ...(tr as HTMLElement).dataset }));
    await worst.hover();
    const pointed = page.locator('#network .links path.pointed');
    expect(await pointed.count()).toBe(1);
    // The pointed link is the one whose tooltip names that entry of Θ.
    expect(await pointed.locator('title').textContent()).toMatch(
      new RegExp(`^Θ${Number(row) + 1},${column}\\(${layer}\\) = `),
    );
    await shot('09-gradient-check');
    await page.click('#step');
    await expect.poll(() => page.locator('#gradient-result').textContent()).toBe('');
    expect(await pointed.count()).toBe(0);
  });

  it('has no critical or serious axe-core violations in either mode', async () => {
    await open('?dataset=xor');
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const audit = async () => {
      await page.addScriptTag({ content: axe });
      return page.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe.run();
        return result.violations
          .filter((v) => v.impact === 'critical' || v.impact === 'serious')
          .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
      });
    };
    expect(await audit()).toEqual([]);
    await page.goto(`${demo.server.url}?dataset=xor#digits`);
    await page.waitForSelector('#digits-status');
    expect(await audit()).toEqual([]);
  });

  it('fits a phone: the network and digits mode at 390 × 844', async () => {
    await open('', { width: 390, height: 844 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const network = (await page.locator('#network').boundingBox())!;
    expect(network.x).toBeGreaterThanOrEqual(0);
    expect(network.x + network.width).toBeLessThanOrEqual(390);
    expect(await page.locator('#network .unit.output').isVisible()).toBe(true);
    // Every control of the network's header is on the screen (dropout once ran off its right edge).
    for (const control of ['#add-layer', '#remove-layer', '#batch-norm', '#dropout']) {
      const box = (await page.locator(control).boundingBox())!;
      expect(box.x, control).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, control).toBeLessThanOrEqual(390);
    }
    await shot('10-phone-playground');
    await page.goto(`${demo.server.url}#digits`);
    await page.waitForSelector('#draw-pad');
    expect(await overflow()).toBeLessThanOrEqual(0);
    const pad = (await page.locator('#draw-pad').boundingBox())!;
    expect(pad.x + pad.width).toBeLessThanOrEqual(390);
    await shot('11-phone-digits');
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
    // a(2) for the drawing under every hidden unit, the five strongest outlined.
    expect(await page.locator('#hidden-units figure[data-activation]').count()).toBe(32);
    expect(await page.locator('#hidden-units figure.firing').count()).toBe(5);
    const activations = await page.$$eval('#hidden-units figure', (figures) =>
      figures.map((f) => ({
        a: Number(f.getAttribute('data-activation')),
        firing: f.classList.contains('firing'),
      })),
    );
    const weakestFiring = Math.min(...activations.filter((u) => u.firing).map((u) => u.a));
    expect(Math.max(...activations.filter((u) => !u.firing).map((u) => u.a))).toBeLessThanOrEqual(
      weakestFiring,
    );
    // The gallery: misclassified test digits, each a label and a different prediction.
    const mistakes = await page.$$eval('#mistakes figure', (figures) =>
      figures.map((f) => [f.getAttribute('data-label'), f.getAttribute('data-predicted')]),
    );
    expect(mistakes.length).toBe(24);
    for (const [label, predicted] of mistakes) expect(label).not.toBe(predicted);
    await shot('12-digits-one');
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
    await shot('13-digits-zero');
  }, 150_000);
});

/** The number a step-through cell should show, from an independent traceBackprop. */
function expectedCell(
  trace: ReturnType<typeof traceBackprop>,
  cell: Record<string, string | undefined>,
  learningRate: number,
): number {
  const weights = trace.weights[Number(cell['layer']) - 1]!;
  const [j, k] = [Number(cell['row']), Number(cell['col'])];
  switch (cell['quantity']) {
    case 'Delta':
      return weights.Delta[j]![k]!;
    case 'D':
      return weights.D[j]![k]!;
    case 'theta':
      return weights.theta[j]![k]!;
    case 'theta-next':
      return weights.theta[j]![k]! - learningRate * weights.D[j]![k]!;
    default:
      throw new Error(`unexpected cell ${cell['quantity']}`);
  }
}
