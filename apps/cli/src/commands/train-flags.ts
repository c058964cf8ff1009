// The flags of `deltanet train`, its per-dataset recipes and its help text.

import type { Flags, FlagValues } from '../args/flags';
import { commonFlags, text } from '../args/flags';
import { networkFlags } from '../args/network-flags';
import { formatSchedule, parseSchedule } from '../args/schedule-flags';
import { datasetNames } from '../data/datasets';

/** Per-dataset defaults: the README's main job is `train digits` with these. */
export const recipes = {
  digits: {
    hidden: '96',
    activation: 'sigmoid',
    optimizer: 'adam',
    lr: '0.005',
    'batch-size': '64',
    epochs: '12',
  },
  playground: {
    hidden: '8,8',
    activation: 'tanh',
    optimizer: 'adam',
    lr: '0.03',
    'batch-size': '10',
    epochs: '150',
  },
  file: {
    hidden: '16',
    activation: 'sigmoid',
    optimizer: 'adam',
    lr: '0.01',
    'batch-size': '32',
    epochs: '100',
  },
} as const satisfies Record<string, FlagValues>;

export const trainFlags = {
  hidden: {
    type: 'string',
    value: '<n,n,...>',
    help: 'hidden layer sizes, other layers by name between them (96,dropout:0.2; digits: 96; 2-D sets: 8,8; files: 16)',
  },
  layers: {
    type: 'string',
    value: '<n,...,n>',
    help: 'all layers, input and output sizes included (784,25,10 or 784,dropout:0.2,96,batch-norm,10)',
  },
  ...networkFlags,
  initializer: {
    type: 'string',
    value: '<name>',
    help: 'initial weights (default epsilon-uniform)',
    choices: 'initializer',
  },
  optimizer: {
    type: 'string',
    value: '<name>',
    help: 'optimizer with options, e.g. sgd:momentum=0.9 (default adam)',
    choices: 'optimizer',
  },
  lr: {
    type: 'string',
    value: '<rate>',
    help: 'learning rate of a minibatch optimizer (digits: 0.005; 2-D sets: 0.03; files: 0.01)',
  },
  'lr-schedule': {
    type: 'string',
    value: '<schedule>',
    help: 'learning rate over the epochs: step:<epochs>:<factor>, exp:<factor> or cosine[:warmup=<epochs>][:final=<rate>] (default constant)',
  },
  clip: {
    type: 'string',
    value: '<norm:c|value:c>',
    help: 'clip the gradient: norm:<c> caps ‖D‖ at c, value:<c> clamps each component to [−c, c] (default none)',
  },
  'batch-size': {
    type: 'string',
    value: '<n|full>',
    help: 'rows per step (digits: 64; 2-D sets: 10; files: 32)',
  },
  epochs: {
    type: 'string',
    value: '<n>',
    help: 'epochs, or iterations of a full-batch optimizer (digits: 12; 2-D sets: 150; files: 100)',
  },
  'validation-split': { type: 'string', value: '<f>', help: 'hold out this fraction of the training rows' },
  'early-stopping': {
    type: 'string',
    value: '<n>',
    help: 'stop after n epochs without improvement, keep the best',
  },
  seed: { type: 'string', value: '<n>', help: 'seed of the split, initial weights and shuffles (default 1)' },
  dtype: { type: 'string', value: '<float32|float64>', help: 'precision (default float64)' },
  backend: {
    type: 'string',
    value: '<reference|js|wasm>',
    help: 'compute backend (default wasm where WebAssembly SIMD runs, else js); reference and js give the same bits, wasm differs in the last bits of products of 4,096 multiply-adds and more',
  },
  threads: {
    type: 'string',
    value: '<n>',
    help: 'threads for large products (default one per core, up to 8; same results for any n)',
  },
  label: {
    type: 'string',
    value: '<column>',
    help: 'file: label column(s) by name or 0-based index (default last)',
  },
  'label-mode': {
    type: 'string',
    value: '<mode>',
    help: 'file: class, binary, one-hot or value (regression)',
  },
  features: { type: 'string', value: '<columns>', help: 'file: feature columns (default all but the label)' },
  'no-header': { type: 'boolean', help: 'file: the first CSV row is data' },
  delimiter: { type: 'string', value: '<char>', help: 'file: CSV delimiter (default , or tab for .tsv)' },
  format: { type: 'string', value: '<csv|jsonl>', help: 'file: format when the extension does not tell' },
  test: { type: 'string', value: '<file>', help: 'file: test on this file instead of a split' },
  'test-split': { type: 'string', value: '<f>', help: 'file: fraction held out for testing (default 0.2)' },
  normalize: {
    type: 'boolean',
    help: 'standardize features (μ, σ of the training rows, saved in the model)',
  },
  'normalize-targets': {
    type: 'boolean',
    help: 'regression: train on standardized targets (μ, σ saved in the model, undone on every output)',
  },
  out: {
    type: 'string',
    value: '<model.json>',
    help: 'save the trained model (atomically; never over a file the command reads)',
  },
  force: {
    type: 'boolean',
    help: 'let --out / --checkpoint replace a file that is not a model, and --resume continue on changed data',
  },
  'accept-edits': {
    type: 'boolean',
    help: 'load a --resume checkpoint that fails its integrity check (edited on purpose)',
  },
  checkpoint: { type: 'string', value: '<file>', help: 'checkpoint file (default <out>.checkpoint.json)' },
  'checkpoint-every': { type: 'string', value: '<n>', help: 'save a checkpoint every n epochs' },
  resume: {
    type: 'string',
    value: '<checkpoint>',
    help: 'continue a run from its checkpoint (same data, same result)',
    commandLineOnly: true,
  },
  config: {
    type: 'string',
    value: '<file.json>',
    help: 'flags from a JSON file; flags given here win',
    commandLineOnly: true,
  },
  ...commonFlags,
} as const satisfies Flags;

/** Flags a resumed run may change: where things go and how it reports, not what it computes. */
export const resumable = new Set([
  'epochs',
  'threads',
  'out',
  'checkpoint',
  'checkpoint-every',
  'quiet',
  'json',
  'plugin',
  'resume',
  'help',
  'force',
  'accept-edits',
  'plugin-timeout',
]);

export const trainHelp = {
  usage: 'deltanet train [dataset | file] [options]',
  description: `Trains a feed-forward network and reports its accuracy on held-out rows.
Datasets: ${datasetNames.join(', ')} (default digits: 8,000 MNIST digits to train, 2,000 to test),
or a CSV / TSV / JSON-lines file (label column by name or index; classes or one-hot).`,
  examples: [
    'deltanet train',
    'deltanet train digits --optimizer conjugate-gradient --lambda 1 --epochs 50 --hidden 25',
    'deltanet train spiral --hidden 8,8,8 --activation relu --out spiral.json',
    'deltanet train iris.csv --label species --normalize --out iris.json',
    'deltanet train digits --checkpoint-every 2 --out digits.json   # Ctrl-C, then:',
    'deltanet train --resume digits.checkpoint.json',
    'deltanet train xor --plugin ./cube.mjs --activation cube',
  ],
};

/** The flags that decide what the run computes, saved for --resume (not where it writes). */
export function recordedFlags(values: FlagValues, epochs: number): FlagValues {
  const schedule = text(values, 'lr-schedule');
  const skip = new Set([
    'quiet',
    'json',
    'help',
    'resume',
    'config',
    'out',
    'checkpoint',
    'checkpoint-every',
    'force',
    'accept-edits',
    'plugin-timeout',
    // Any thread count computes the same bits.
    'threads',
  ]);
  return {
    ...Object.fromEntries(
      Object.entries(values).filter(([key, value]) => value !== undefined && !skip.has(key)),
    ),
    // A cosine's length written in: a resumed run may change --epochs, not the schedule.
    ...(schedule !== undefined && { 'lr-schedule': formatSchedule(parseSchedule(schedule), epochs) }),
  };
}

/** The flags among `names` that are set. */
export function pick(values: FlagValues, names: readonly string[]): FlagValues {
  return Object.fromEntries(
    names.filter((name) => values[name] !== undefined).map((name) => [name, values[name]]),
  );
}
