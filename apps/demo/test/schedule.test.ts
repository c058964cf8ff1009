// The demo in Chromium: the learning-rate schedule control. Cosine picked in the toolbar, kept in
// the link, and the α shown under the epoch counter falling as the closed form says, epoch by epoch.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifacts, epoch, openDemo, useDemo } from './harness';

const demo = useDemo();

/** The α the page shows for the next update (full precision, from the element's data). */
const shownRate = (page: Page) => page.locator('#current-rate').getAttribute('data-rate').then(Number);

describe('learning-rate schedule', () => {
  it('picks cosine, keeps it in the link, and shows α falling as the closed form says', async () => {
    const page = await openDemo(demo, '?dataset=xor&lr=0.05');
    // The rate appears with the worker's first reply.
    await expect.poll(() => shownRate(page)).toBe(0.05);
    expect(await page.locator('#schedule-epochs').isDisabled()).toBe(true);
    await page.selectOption('#schedule', 'cosine');
    expect(await page.locator('#schedule-epochs').isDisabled()).toBe(false);
    await page.fill('#schedule-epochs', '8');
    await page.press('#schedule-epochs', 'Enter');
    await expect.poll(() => page.url()).toContain('schedule=cosine&scheduleEpochs=8');
    // 250 training points in batches of 10: 25 updates an epoch, so the horizon is T = 200
    // updates with a warm-up of w = 10: α(t) = 0.05·t/10 for t < 10, then
    // 0.05·½(1 + cos(π(t − 10)/190)) down to 0 at t = 200.
    const closedForm = (t: number) =>
      t < 10 ? (0.05 * t) / 10 : 0.05 * 0.5 * (1 + Math.cos((Math.PI * (t - 10)) / 190));
    await expect.poll(() => shownRate(page)).toBe(0);
    const seen = [];
    for (let epochs = 1; epochs <= 6; epochs++) {
      await page.click('#step');
      await expect.poll(() => epoch(page)).toBe(epochs);
      await expect.poll(() => shownRate(page)).toBeCloseTo(closedForm(25 * epochs), 12);
      seen.push(await shownRate(page));
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThan(seen[i - 1]!);
    expect(await page.locator('#current-rate').textContent()).toBe(`α ${closedForm(150).toPrecision(3)}`);
    await page.locator('.toolbar').screenshot({ path: join(artifacts, 'schedule.png') });
  });

  it('takes no schedule with a method that searches its own step, and says so', async () => {
    const page = await openDemo(demo, '?dataset=xor&schedule=cosine');
    expect(await page.locator('#schedule').isDisabled()).toBe(false);
    await page.selectOption('#optimizer', 'lbfgs');
    await expect.poll(() => page.locator('#schedule').isDisabled()).toBe(true);
    expect(await page.locator('#schedule-epochs').isDisabled()).toBe(true);
    expect(await page.locator('label[for="schedule"]').getAttribute('title')).toMatch(/line search/);
    await expect.poll(() => page.locator('#current-rate').textContent()).toBe('α by line search');
    await page.selectOption('#optimizer', 'adam');
    await expect.poll(() => page.locator('#schedule').isDisabled()).toBe(false);
  });
});
