// The learning-rate schedule choice: @deltanet/optimizers' presets, sized to a horizon of
// epochs the user picks, counted in minibatch updates (what a schedule's t counts).
import type { Schedule } from '@deltanet/optimizers';
import { cosineDecay, exponentialDecay, stepDecay } from '@deltanet/optimizers';

/** The schedules the page offers; "none" keeps the learning rate constant. */
export const scheduleNames = ['none', 'step', 'exponential', 'cosine'] as const;

/** One of {@link scheduleNames}. */
export type ScheduleName = (typeof scheduleNames)[number];

/** What each choice does, relative to the horizon H (the menu's tooltip and the README). */
export const scheduleDescriptions: Readonly<Record<ScheduleName, string>> = {
  none: 'constant α',
  step: 'α halved every H/4 epochs',
  exponential: 'α · 0.1^(epoch/H): a tenth of α at H',
  cosine: 'warm-up from 0 over H/20 epochs, then cosine down to 0 at H',
};

/**
 * α(t) for the t-th minibatch update (t = 0 first) of `name` starting from `learningRate`, over a
 * horizon of `epochs` epochs of `updatesPerEpoch` updates each; undefined for "none".
 *
 * - step: α·0.5^⌊t/every⌋ with every = H·u/4 updates (at least 1);
 * - exponential: α·0.1^(t/(H·u));
 * - cosine: warm-up over max(1, ⌊H·u/20⌋) updates, cosine decay to 0 at H·u updates, 0 after.
 *
 * @example
 * learningRateSchedule('cosine', 0.1, 100, 25)!(2500); // 0: the horizon, 100 epochs × 25 updates
 */
export function learningRateSchedule(
  name: ScheduleName,
  learningRate: number,
  epochs: number,
  updatesPerEpoch: number,
): Schedule | undefined {
  const total = Math.max(2, Math.round(epochs * updatesPerEpoch));
  return presets[name](learningRate, total);
}

/** Each choice as a schedule of α and the horizon's update count (≥ 2). */
const presets: Readonly<Record<ScheduleName, (learningRate: number, total: number) => Schedule | undefined>> =
  {
    none: () => undefined,
    step: (initial, total) => stepDecay({ initial, every: Math.max(1, Math.round(total / 4)), factor: 0.5 }),
    exponential: (initial, total) => exponentialDecay({ initial, factor: 0.1, every: total }),
    cosine: (peak, total) => cosineDecay({ peak, warmup: Math.max(1, Math.floor(total / 20)), total }),
  };

/** Whether `raw` names one of {@link scheduleNames}. */
export function isScheduleName(raw: string): raw is ScheduleName {
  return (scheduleNames as readonly string[]).includes(raw);
}
