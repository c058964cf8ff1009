// Learning-rate schedules: α(t) for the t-th update (t = 0 for the first), in closed form, so a
// resumed run that knows t continues the schedule where it stopped. pow and cos come from
// @deltanet/tensor so a schedule gives the same bits on every engine.
import { InvalidArgumentError } from '@deltanet/contract';
import { cos, pow } from '@deltanet/tensor';

/**
 * A learning rate as a function of the update count t = 0, 1, 2, … (optax's `Schedule`).
 *
 * @example
 * const halving: Schedule = (t) => 0.1 * 0.5 ** Math.floor(t / 100);
 */
export type Schedule = (step: number) => number;

function check(name: string, key: string, value: number, ok: boolean, range: string): void {
  if (!ok || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`schedule "${name}" option "${key}" must be ${range}, got ${value}`);
  }
}

/**
 * Step decay: α(t) = α₀ · γ^⌊t / every⌋ — the rate is multiplied by γ every `every` updates.
 *
 * @example
 * const schedule = stepDecay({ initial: 0.1, every: 10, factor: 0.5 });
 * schedule(9); // 0.1
 * schedule(10); // 0.05
 */
export function stepDecay({
  initial,
  every,
  factor,
}: {
  initial: number;
  every: number;
  factor: number;
}): Schedule {
  check('step', 'initial', initial, initial >= 0, 'a number ≥ 0');
  check('step', 'every', every, Number.isInteger(every) && every >= 1, 'a whole number ≥ 1');
  check('step', 'factor', factor, factor > 0, 'a number > 0');
  return (t) => initial * pow(factor, Math.floor(t / every));
}

/**
 * Exponential decay: α(t) = α₀ · γ^(t / every) (continuous; `every` defaults to 1 update).
 *
 * @example
 * const schedule = exponentialDecay({ initial: 0.1, factor: 0.5, every: 2 });
 * schedule(2); // 0.05
 */
export function exponentialDecay({
  initial,
  factor,
  every = 1,
}: {
  initial: number;
  factor: number;
  every?: number;
}): Schedule {
  check('exp', 'initial', initial, initial >= 0, 'a number ≥ 0');
  check('exp', 'factor', factor, factor > 0, 'a number > 0');
  check('exp', 'every', every, every > 0, 'a number > 0');
  return (t) => initial * pow(factor, t / every);
}

/**
 * Cosine decay with linear warm-up (optax's `warmup_cosine_decay_schedule` with a start and end
 * of 0): α(t) = peak · t / warmup for t < warmup, then
 * α(t) = final + (peak − final) · ½(1 + cos(π · min(t − warmup, decay) / decay)),
 * with decay = total − warmup updates; after `total` updates the rate stays at `final`.
 *
 * @example
 * const schedule = cosineDecay({ peak: 0.1, warmup: 5, total: 105 });
 * schedule(0); // 0
 * schedule(5); // 0.1
 * schedule(55); // 0.05
 * schedule(105); // 0
 */
export function cosineDecay({
  peak,
  warmup = 0,
  total,
  final = 0,
}: {
  peak: number;
  warmup?: number;
  total: number;
  final?: number;
}): Schedule {
  check('cosine', 'peak', peak, peak >= 0, 'a number ≥ 0');
  check('cosine', 'warmup', warmup, Number.isInteger(warmup) && warmup >= 0, 'a whole number ≥ 0');
  check(
    'cosine',
    'total',
    total,
    Number.isInteger(total) && total > warmup,
    `a whole number > warmup (${warmup})`,
  );
  check('cosine', 'final', final, final >= 0, 'a number ≥ 0');
  const decay = total - warmup;
  return (t) => {
    if (t < warmup) return (peak * t) / warmup;
    const progress = Math.min(t - warmup, decay) / decay;
    return final + (peak - final) * 0.5 * (1 + cos(Math.PI * progress));
  };
}
