// Inverted dropout: in training each unit is zeroed with probability `rate` and the kept ones
// scaled by 1/(1 − rate), so inference (which passes x through) needs no rescaling.
import type { BuiltLayer, LayerPlugin, LayerShape, PluginOptions } from '@deltanet/contract';
import { InvalidArgumentError, mergeOptions } from '@deltanet/contract';

/** Options of `dropout`. */
export type DropoutOptions = {
  /** The probability that a unit is dropped in training, in [0, 1). Default 0.5. */
  rate: number;
};

const defaults: DropoutOptions = { rate: 0.5 };

/**
 * `dropout({ rate })`: in train mode each entry of x is kept with probability 1 − rate (drawn
 * from the context's seeded `Random`, one `uniform()` per entry, row by row) and scaled by
 * 1/(1 − rate); the rest are 0. In inference mode, and when the context has no `Random`
 * (gradient checks), it passes x through. No parameters, no state.
 *
 * @example
 * createNetwork({ layers: [2, 8, { name: 'dropout', options: { rate: 0.2 } }, 1] });
 */
export function dropout(options: Partial<DropoutOptions> | PluginOptions = {}): LayerPlugin {
  const current = mergeOptions('layer "dropout"', defaults, options);
  const { rate } = current;
  if (!(rate >= 0 && rate < 1)) {
    throw new InvalidArgumentError(`dropout rate must be in [0, 1), got ${rate}`);
  }
  const keep = 1 / (1 - rate);
  return Object.freeze({
    kind: 'layer',
    name: 'dropout',
    description:
      'inverted dropout: zeroes units with probability rate in training, scales the rest by 1/(1 − rate)',
    options: current,
    configure: (next: PluginOptions) => dropout(mergeOptions('layer "dropout"', current, next)),
    build: ({ inputUnits }: LayerShape): BuiltLayer => ({
      outputUnits: inputUnits,
      parameters: [],
      state: [],
      // The mask: 0 or 1/(1 − rate) per entry (all 1 when passing through).
      saved: [inputUnits],
      savedNames: ['mask'],
      forward(context, { input, output, saved }) {
        const mask = saved[0]!.data;
        const n = input.rows * input.cols;
        const random = context.mode === 'train' ? context.random : undefined;
        for (let i = 0; i < n; i++) {
          mask[i] = random === undefined ? 1 : random.uniform() < rate ? 0 : keep;
          output.data[i] = input.data[i]! * mask[i]!;
        }
      },
      backward(_context, { saved }, outputGradient, _params, _gradients, inputGradient) {
        if (!inputGradient) return;
        const mask = saved[0]!.data;
        const n = outputGradient.rows * outputGradient.cols;
        for (let i = 0; i < n; i++) inputGradient.data[i] = outputGradient.data[i]! * mask[i]!;
      },
    }),
  });
}
