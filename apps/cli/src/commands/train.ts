// `deltanet train <dataset>`: build a network from flags, train it with progress, report test
// accuracy, optionally save the model atomically.
import { parseArgs } from 'node:util';
import type { NetworkSpec } from '@deltanet/backprop';
import { createNetwork, fit, serializeNetwork } from '@deltanet/backprop';
import type { PluginOptions } from '@deltanet/contract';
import { datasetNames, loadNamedDataset } from '../datasets';
import { UsageError } from '../exit-codes';
import { writeFileAtomic } from '../files';
import type { Io } from '../io';
import { percent, progressReporter } from '../progress';

/** Per-dataset defaults: the README's main job is `train digits` with these. */
const recipes: Record<
  string,
  { hidden: number[]; activation: string; optimizer: string; lr?: number; batchSize: number; epochs: number }
> = {
  digits: { hidden: [96], activation: 'sigmoid', optimizer: 'adam', lr: 0.005, batchSize: 64, epochs: 12 },
  playground: { hidden: [8, 8], activation: 'tanh', optimizer: 'adam', lr: 0.03, batchSize: 10, epochs: 150 },
};

export const trainHelp = `Usage: deltanet train [dataset] [options]

Trains a feed-forward network and reports its accuracy on held-out data.
Datasets: ${datasetNames.join(', ')} (default digits: 8,000 MNIST digits to train, 2,000 to test).

Options:
  --hidden <n,n,...>        hidden layer sizes (digits: 96; 2-D sets: 8,8)
  --activation <name>       hidden activation (digits: sigmoid; 2-D sets: tanh)
  --output-activation <n>   output activation (default sigmoid)
  --loss <name>             cost (default cross-entropy)
  --optimizer <name>        optimizer (default adam)
  --lr <rate>               learning rate of a minibatch optimizer
  --lambda <λ>              regularization strength (default 0)
  --batch-size <n|full>     rows per step (digits: 64)
  --epochs <n>              epochs, or iterations for full-batch optimizers (digits: 12)
  --validation-split <f>    hold out this fraction of the training rows
  --early-stopping <n>      stop after n epochs without improvement, keeping the best weights
  --seed <n>                seed of the split, the initial weights and the shuffles (default 1)
  --dtype <float32|float64> precision (default float64)
  --out <file.json>         save the trained model (written atomically)
  --quiet                   no progress output
  -h, --help                this help

Examples:
  deltanet train
  deltanet train digits --optimizer conjugate-gradient --lambda 1 --epochs 50 --hidden 25
  deltanet train spiral --hidden 8,8,8 --activation relu --out spiral.json`;

/** Runs `train` with the arguments after the command name. */
export async function train(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      hidden: { type: 'string' },
      activation: { type: 'string' },
      'output-activation': { type: 'string' },
      loss: { type: 'string' },
      optimizer: { type: 'string' },
      lr: { type: 'string' },
      lambda: { type: 'string' },
      'batch-size': { type: 'string' },
      epochs: { type: 'string' },
      'validation-split': { type: 'string' },
      'early-stopping': { type: 'string' },
      seed: { type: 'string' },
      dtype: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${trainHelp}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`train takes one dataset, got ${positionals.join(' ')}`);
  const name = positionals[0] ?? 'digits';
  const recipe = recipes[name === 'digits' ? 'digits' : 'playground']!;
  const seed = integer('--seed', values.seed ?? '1');
  const dtype = values.dtype ?? 'float64';
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new UsageError(`--dtype must be float32 or float64, got ${dtype}`);
  const data = loadNamedDataset(name, seed, dtype);

  const hidden = values.hidden !== undefined ? sizes('--hidden', values.hidden) : recipe.hidden;
  const spec: NetworkSpec = {
    layers: [data.train.x.cols, ...hidden, data.train.y.cols],
    activation: values.activation ?? recipe.activation,
    outputActivation: values['output-activation'] ?? 'sigmoid',
    loss: values.loss ?? 'cross-entropy',
    lambda: values.lambda !== undefined ? number('--lambda', values.lambda) : 0,
    seed,
    dtype,
  };
  const net = createNetwork(spec);
  const optimizerName = values.optimizer ?? recipe.optimizer;
  const lr = values.lr !== undefined ? number('--lr', values.lr) : values.optimizer ? undefined : recipe.lr;
  const optimizerOptions: PluginOptions = lr !== undefined ? { learningRate: lr } : {};
  const batchSize =
    values['batch-size'] === 'full'
      ? 'full'
      : integer('--batch-size', values['batch-size'] ?? String(recipe.batchSize));
  const patience =
    values['early-stopping'] !== undefined
      ? integer('--early-stopping', values['early-stopping'])
      : undefined;

  if (!values.quiet) {
    io.stderr.write(
      `${name}: ${data.train.x.rows} training rows, ${data.test.x.rows} test rows; network ${spec.layers.join('-')}` +
        ` (${net.activations.map((a) => a.name).join(', ')}; ${net.loss.name}; λ = ${net.lambda})\n`,
    );
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const history = await fit(net, data.train, {
      optimizer: { name: optimizerName, options: optimizerOptions },
      epochs: integer('--epochs', values.epochs ?? String(recipe.epochs)),
      batchSize,
      ...(values['validation-split'] !== undefined && {
        validationSplit: number('--validation-split', values['validation-split']),
      }),
      ...(patience !== undefined && { earlyStopping: { patience } }),
      signal: controller.signal,
      onEvent: progressReporter(io.stderr, { quiet: values.quiet ?? false }),
    });
    const trainResult = net.evaluate(data.train.x, data.train.y);
    const test = net.evaluate(data.test.x, data.test.y);
    const correct = Math.round(test.accuracy * data.test.x.rows);
    io.stdout.write(`train accuracy: ${percent(trainResult.accuracy)}\n`);
    io.stdout.write(
      `test accuracy: ${percent(test.accuracy)} (${correct} of ${data.test.x.rows} held-out rows)\n`,
    );
    io.stdout.write(`test cost: ${test.cost.toFixed(4)}\n`);
    if (values.out) {
      const metadata = { dataset: name, classNames: [...(data.train.classNames ?? [])] };
      await writeFileAtomic(values.out, serializeNetwork(net, { metadata }));
      io.stdout.write(`saved model to ${values.out}\n`);
    }
    return history.stopReason === 'aborted' ? 130 : 0;
  } finally {
    process.off('SIGINT', stop);
  }
}

function number(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${flag} must be a number, got "${text}"`);
  return value;
}

function integer(flag: string, text: string): number {
  const value = number(flag, text);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be a whole number, got "${text}"`);
  return value;
}

function sizes(flag: string, text: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const value = integer(flag, part);
    if (value < 1) throw new UsageError(`${flag} sizes must be ≥ 1, got ${value}`);
    return value;
  });
}
