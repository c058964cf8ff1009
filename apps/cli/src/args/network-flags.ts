// The flags that choose a network's plugins, shared by `train` and `gradcheck`.
import type { Flags } from './flags';

export const networkFlags = {
  activation: {
    type: 'string',
    value: '<name,...>',
    help: 'hidden activation, or one per hidden layer; options as name:key=value (default sigmoid; 2-D sets: tanh)',
    choices: 'activation',
  },
  'output-activation': {
    type: 'string',
    value: '<name>',
    help: 'output activation (default sigmoid)',
    choices: 'activation',
  },
  loss: { type: 'string', value: '<name>', help: 'cost J (default cross-entropy)', choices: 'loss' },
  regularizer: {
    type: 'string',
    value: '<name>',
    help: 'penalty on non-bias weights (default l2)',
    choices: 'regularizer',
  },
  lambda: { type: 'string', value: '<λ>', help: 'regularization strength λ (default 0)' },
} as const satisfies Flags;
