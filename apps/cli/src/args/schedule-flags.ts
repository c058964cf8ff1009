// `--lr-schedule` and `--clip` of `train`: text → a learning-rate schedule over the run's updates
// (the flags speak in epochs; the optimizer counts updates) and a clipping transform.
import type { GradientTransform, Schedule } from '@deltanet/optimizers';
import {
  clipByGlobalNorm,
  clipByValue,
  cosineDecay,
  exponentialDecay,
  stepDecay,
} from '@deltanet/optimizers';
import { UsageError } from '../exit-codes';
import { didYouMean } from '../suggest';

const scheduleKinds = ['step', 'exp', 'cosine'] as const;
const clipKinds = ['norm', 'value'] as const;

/** A parsed `--lr-schedule`, in epochs. */
export type ScheduleSpec =
  | { readonly kind: 'step'; readonly every: number; readonly factor: number }
  | { readonly kind: 'exp'; readonly factor: number }
  | { readonly kind: 'cosine'; readonly warmup: number; readonly epochs?: number; readonly final: number };

/**
 * `step:<epochs>:<factor>` (α ×factor every <epochs> epochs), `exp:<factor>` (α ×factor per
 * epoch, continuously), `cosine[:warmup=<epochs>][:final=<rate>][:epochs=<n>]` (linear warm-up,
 * then half a cosine down to `final` by the last epoch, --epochs unless given).
 *
 * @example
 * parseSchedule('step:10:0.5'); // { kind: 'step', every: 10, factor: 0.5 }
 * parseSchedule('cosine:warmup=5'); // { kind: 'cosine', warmup: 5, final: 0 }
 */
export function parseSchedule(text: string): ScheduleSpec {
  const [kind = '', ...parts] = text.split(':');
  const fail = (why: string): never => {
    throw new UsageError(
      `--lr-schedule ${why}; expected step:<epochs>:<factor>, exp:<factor> or cosine[:warmup=<epochs>][:final=<rate>], got "${text}"`,
    );
  };
  const num = (what: string, part: string | undefined, ok: (v: number) => boolean, range: string) => {
    const value = Number(part);
    if (part === undefined || part.trim() === '' || !Number.isFinite(value) || !ok(value)) {
      fail(`${what} must be ${range}, got "${part ?? ''}"`);
    }
    return value;
  };
  switch (kind) {
    case 'step': {
      if (parts.length !== 2) fail('step takes an epoch count and a factor');
      const every = num(
        'the period',
        parts[0],
        (v) => Number.isInteger(v) && v >= 1,
        'a whole number of epochs ≥ 1',
      );
      return { kind, every, factor: num('the factor', parts[1], (v) => v > 0, 'a number > 0') };
    }
    case 'exp':
      if (parts.length !== 1) fail('exp takes one factor per epoch');
      return { kind, factor: num('the factor', parts[0], (v) => v > 0, 'a number > 0') };
    case 'cosine': {
      const given = new Map<string, string>();
      for (const part of parts) {
        const [key = '', value] = part.split('=');
        const keys = ['warmup', 'final', 'epochs'];
        if (!keys.includes(key) || value === undefined) {
          fail(
            `has an unknown cosine setting "${key}"${didYouMean(key, keys)} (settings: ${keys.join(', ')})`,
          );
        }
        given.set(key, value!);
      }
      const whole = (v: number) => Number.isInteger(v) && v >= 0;
      const warmup = given.has('warmup')
        ? num('warmup', given.get('warmup'), whole, 'a whole number of epochs ≥ 0')
        : 0;
      const final = given.has('final') ? num('final', given.get('final'), (v) => v >= 0, 'a rate ≥ 0') : 0;
      const epochs = given.has('epochs')
        ? num(
            'epochs',
            given.get('epochs'),
            (v) => Number.isInteger(v) && v > warmup,
            `a whole number > warmup (${warmup})`,
          )
        : undefined;
      return { kind, warmup, final, ...(epochs !== undefined && { epochs }) };
    }
    default:
      return fail(`has an unknown schedule "${kind}"${didYouMean(kind, scheduleKinds)}`);
  }
}

/**
 * The schedule over updates for a run of `epochs` epochs of `batches` updates each, starting at
 * the optimizer's rate α. A cosine without `epochs` takes the run's; it must outlast the warm-up.
 *
 * @example
 * const schedule = scheduleOf(parseSchedule('step:10:0.5'), { learningRate: 0.01, batches: 50, epochs: 30 });
 * schedule(499); // 0.01 (epoch 10's last update); schedule(500) = 0.005
 */
export function scheduleOf(
  spec: ScheduleSpec,
  { learningRate, batches, epochs }: { learningRate: number; batches: number; epochs: number },
): Schedule {
  switch (spec.kind) {
    case 'step':
      return stepDecay({ initial: learningRate, every: spec.every * batches, factor: spec.factor });
    case 'exp':
      return exponentialDecay({ initial: learningRate, factor: spec.factor, every: batches });
    case 'cosine': {
      const total = spec.epochs ?? epochs;
      if (total <= spec.warmup) {
        throw new UsageError(
          `--lr-schedule cosine: the run has ${total} epochs, not more than the warm-up's ${spec.warmup}`,
        );
      }
      return cosineDecay({
        peak: learningRate,
        warmup: spec.warmup * batches,
        total: total * batches,
        final: spec.final,
      });
    }
  }
}

/**
 * The schedule as text, with a cosine's length written in, so a resumed run (which may change
 * --epochs) follows the schedule it started with.
 *
 * @example
 * formatSchedule({ kind: 'cosine', warmup: 5, final: 0 }, 20); // 'cosine:warmup=5:final=0:epochs=20'
 */
export function formatSchedule(spec: ScheduleSpec, epochs: number): string {
  switch (spec.kind) {
    case 'step':
      return `step:${spec.every}:${spec.factor}`;
    case 'exp':
      return `exp:${spec.factor}`;
    case 'cosine':
      return `cosine:warmup=${spec.warmup}:final=${spec.final}:epochs=${spec.epochs ?? epochs}`;
  }
}

/**
 * `norm:<c>` (scale D by c/‖D‖ when ‖D‖ > c) or `value:<c>` (clamp each component to [−c, c]).
 *
 * @example
 * parseClip('norm:1'); // clipByGlobalNorm(1)
 */
export function parseClip(text: string): GradientTransform {
  const [kind = '', bound, ...rest] = text.split(':');
  const expected = `expected norm:<max norm> or value:<max value>, got "${text}"`;
  if (!(clipKinds as readonly string[]).includes(kind)) {
    throw new UsageError(`--clip has an unknown kind "${kind}"${didYouMean(kind, clipKinds)}; ${expected}`);
  }
  const value = Number(bound);
  if (
    bound === undefined ||
    bound.trim() === '' ||
    rest.length > 0 ||
    !(value > 0) ||
    !Number.isFinite(value)
  ) {
    throw new UsageError(`--clip ${kind} needs a bound > 0; ${expected}`);
  }
  return kind === 'norm' ? clipByGlobalNorm(value) : clipByValue(value);
}
