// `deltanet train [dataset | file]`: build a network from flags (or a --config file), train it
// with progress, checkpoints and Ctrl-C handling, report held-out figures, save the model.
import type { NetworkSpec, TrainingHistory, TrainingState } from '@deltanet/backprop';
import { createNetwork, fit, serializeNetwork } from '@deltanet/backprop';
import type { PluginRef } from '@deltanet/contract';
import { setWasmThreads } from '@deltanet/tensor';
import { startCommand } from '../args/command';
import type { FlagValues } from '../args/flags';
import { readConfig, text, withConfig } from '../args/flags';
import { fraction, integer, number, pluginRef, pluginRefs, sizes } from '../args/values';
import { datasetNames } from '../data/datasets';
import type { TrainingData } from '../data/training-data';
import { trainingData } from '../data/training-data';
import { UsageError } from '../exit-codes';
import { writeFileAtomic } from '../files';
import { interruptSignal } from '../interrupt';
import type { Io } from '../io';
import { rootMeanSquaredError } from '../metrics';
import { readModel } from '../model/files';
import type { ModelMetadata } from '../model/metadata';
import { toJson } from '../model/metadata';
import { eventSink } from '../output/events';
import { percent, progressReporter } from '../progress';
import { version } from '../version';
import { recipes, resumable, trainFlags, trainHelp } from './train-flags';

/** Runs `train` with the arguments after the command name. */
export async function train(args: string[], io: Io): Promise<number> {
  const parsed = await startCommand(args, trainFlags, trainHelp, io);
  if (!parsed) return 0;
  const resumeFrom = text(parsed.values, 'resume');
  const configFile = text(parsed.values, 'config');
  const resumed = resumeFrom !== undefined ? await readModel(resumeFrom, parsed.registry) : undefined;
  let values = parsed.values;
  let positionals = parsed.positionals;
  if (resumed) {
    if (!resumed.training || !resumed.info.flags) {
      throw new UsageError(`${resumeFrom} is not a checkpoint of deltanet train (it has no training state)`);
    }
    const changed = Object.keys(values).filter((key) => values[key] !== undefined && !resumable.has(key));
    if (changed.length > 0 || positionals.length > 0) {
      throw new UsageError(
        `--resume repeats the checkpoint's run; it takes only ${[...resumable].map((f) => `--${f}`).join(', ')}` +
          (changed.length > 0 ? `, got --${changed.join(', --')}` : `, got ${positionals.join(' ')}`),
      );
    }
    const saved = resumed.info.flags;
    positionals = typeof saved.dataset === 'string' ? [saved.dataset] : [];
    values = withConfig({ ...saved, ...resumed.info.output }, values);
  } else if (configFile !== undefined) {
    values = withConfig(await readConfig(configFile, trainFlags), values);
  }
  if (positionals.length > 1)
    throw new UsageError(`train takes one dataset or file, got ${positionals.join(' ')}`);
  const ref = positionals[0] ?? 'digits';
  const recipe =
    ref === 'digits' ? recipes.digits : datasetNames.includes(ref) ? recipes.playground : recipes.file;
  const flag = (name: keyof typeof recipe) => text(values, name) ?? recipe[name];

  const seed = integer('--seed', text(values, 'seed') ?? '1');
  const dtype = text(values, 'dtype') ?? 'float64';
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new UsageError(`--dtype must be float32 or float64, got "${dtype}"`);
  // Before the first product sets the kernels' memory up; any count gives the same bits.
  const threads = text(values, 'threads');
  if (threads !== undefined) setWasmThreads(integer('--threads', threads, 1));
  const data = await trainingData(ref, values, seed, dtype);
  const regression = text(values, 'label-mode') === 'value';
  const spec: NetworkSpec = {
    layers: layerSizes(values, flag('hidden'), data),
    activation: pluginRefs('--activation', flag('activation')),
    outputActivation: pluginRef(
      '--output-activation',
      text(values, 'output-activation') ?? (regression ? 'linear' : 'sigmoid'),
    ),
    loss: pluginRef('--loss', text(values, 'loss') ?? (regression ? 'mean-squared-error' : 'cross-entropy')),
    ...(text(values, 'regularizer') && {
      regularizer: pluginRef('--regularizer', text(values, 'regularizer')!),
    }),
    ...(text(values, 'initializer') && {
      initializer: pluginRef('--initializer', text(values, 'initializer')!),
    }),
    lambda: text(values, 'lambda') !== undefined ? number('--lambda', text(values, 'lambda')!) : 0,
    seed,
    dtype,
  };
  const registry = parsed.registry;
  const net = resumed ? resumed.network : createNetwork(spec, { registry });
  const optimizer = optimizerChoice(
    values,
    flag('optimizer'),
    text(values, 'optimizer') === undefined ? recipe.lr : undefined,
  );
  const batchText = flag('batch-size');
  const batchSize = batchText === 'full' ? 'full' : integer('--batch-size', batchText, 1);
  const epochs = integer('--epochs', flag('epochs'));
  const patience = text(values, 'early-stopping');
  const validationSplit = text(values, 'validation-split');
  const out = text(values, 'out');
  const checkpointPath =
    text(values, 'checkpoint') ??
    resumeFrom ??
    (out ? out.replace(/(\.json)?$/, '.checkpoint.json') : 'deltanet-checkpoint.json');
  const checkpointEvery = integer('--checkpoint-every', text(values, 'checkpoint-every') ?? '0');

  const json = values.json === true;
  const quiet = values.quiet === true || json;
  const events = eventSink(io.stdout, json);
  const used = new Set(
    [...net.activations, net.loss, net.regularizer, net.spec.initializer].map((p) => `${p.kind}/${p.name}`),
  );
  const metadata: ModelMetadata = {
    ...data.provenance,
    seed,
    plugins: parsed.loaded
      .filter(({ plugin }) => used.has(`${plugin.kind}/${plugin.name}`) || plugin.kind === 'optimizer')
      .map(({ plugin, module }) => ({ kind: plugin.kind, name: plugin.name, module })),
    flags: { ...recordedFlags(values), dataset: ref },
    deltanet: version,
  };
  events.emit({
    event: 'start',
    command: 'train',
    dataset: ref,
    trainRows: data.train.x.rows,
    testRows: data.test.x.rows,
    layers: [...net.layers],
    activations: net.activations.map((a) => a.name),
    loss: net.loss.name,
    lambda: net.lambda,
    optimizer: typeof optimizer === 'string' ? optimizer : optimizer.name,
    epochs,
    seed,
    ...(resumed && { resumedFrom: resumeFrom, completedEpochs: resumed.training!.completedEpochs }),
  });
  if (!quiet) {
    io.stderr.write(
      `${ref}: ${data.train.x.rows} training rows, ${data.test.x.rows} test rows; network ${net.layers.join('-')}` +
        ` (${net.activations.map((a) => a.name).join(', ')}; ${net.loss.name}; λ = ${net.lambda})\n`,
    );
    if (resumed)
      io.stderr.write(`resuming from ${resumeFrom} after epoch ${resumed.training!.completedEpochs}\n`);
  }

  const interrupt = interruptSignal(io.stderr);
  let history: TrainingHistory;
  let lastCheckpoint: TrainingState | undefined;
  try {
    const progress = progressReporter(io.stderr, { quiet });
    history = await fit(net, data.train, {
      optimizer,
      epochs,
      batchSize,
      ...(validationSplit !== undefined && {
        validationSplit: fraction('--validation-split', validationSplit),
      }),
      ...(patience !== undefined && { earlyStopping: { patience: integer('--early-stopping', patience) } }),
      ...(resumed && { resume: resumed.training! }),
      checkpointEvery,
      onCheckpoint: async (training) => {
        lastCheckpoint = training;
        const output = pick(values, ['out', 'checkpoint', 'checkpoint-every']);
        const text = serializeNetwork(net, { metadata: toJson({ ...metadata, output }), training });
        await writeFileAtomic(checkpointPath, text);
        const { completedEpochs, batchesDone } = training;
        events.emit({ event: 'checkpoint', path: checkpointPath, completedEpochs, batchesDone });
        if (!quiet)
          io.stderr.write(
            `saved checkpoint ${checkpointPath} (after epoch ${completedEpochs}${batchesDone ? `, batch ${batchesDone}` : ''})\n`,
          );
      },
      signal: interrupt.signal,
      onEvent: (event) => {
        progress(event);
        if (event.type === 'epoch') {
          const { type: _, ...record } = event;
          events.emit({ event: 'epoch', ...record });
        } else if (event.type === 'end') {
          events.emit({
            event: 'end',
            reason: event.reason,
            epochs: event.epochs,
            ...(event.bestEpoch !== undefined && { bestEpoch: event.bestEpoch }),
          });
        }
      },
    });
  } finally {
    interrupt.release();
  }
  if (history.stopReason === 'aborted') {
    const message = `stopped; resume with: deltanet train --resume ${checkpointPath}`;
    events.emit({
      event: 'result',
      command: 'train',
      stopped: true,
      checkpoint: checkpointPath,
      completedEpochs: lastCheckpoint?.completedEpochs ?? 0,
    });
    if (!json) io.stderr.write(`${message}\n`);
    return 130;
  }

  const trained = net.evaluate(data.train.x, data.train.y);
  const tested = data.test.x.rows > 0 ? net.evaluate(data.test.x, data.test.y) : undefined;
  if (out) await writeFileAtomic(out, serializeNetwork(net, { metadata: toJson(metadata) }));
  events.emit({
    event: 'result',
    command: 'train',
    stopReason: history.stopReason,
    epochs: history.epochs.length,
    trainCost: trained.cost,
    trainAccuracy: trained.accuracy,
    ...(tested && { testCost: tested.cost, testAccuracy: tested.accuracy }),
    ...(out && { model: out }),
  });
  if (!json) {
    if (regression) {
      // Accuracy means nothing for real-valued targets: report the error in their units.
      io.stdout.write(
        `train RMSE: ${rootMeanSquaredError(net.predict(data.train.x), data.train.y).toPrecision(4)}\n`,
      );
      if (tested) {
        const rmse = rootMeanSquaredError(net.predict(data.test.x), data.test.y);
        io.stdout.write(`test RMSE: ${rmse.toPrecision(4)} (${data.test.x.rows} held-out rows)\n`);
      }
    } else {
      io.stdout.write(`train accuracy: ${percent(trained.accuracy)}\n`);
      if (tested) {
        const correct = Math.round(tested.accuracy * data.test.x.rows);
        io.stdout.write(
          `test accuracy: ${percent(tested.accuracy)} (${correct} of ${data.test.x.rows} held-out rows)\n`,
        );
      }
    }
    if (tested) io.stdout.write(`test cost: ${tested.cost.toFixed(4)}\n`);
    if (out) io.stdout.write(`saved model to ${out}\n`);
  }
  return 0;
}

/** The layer sizes from --layers, or input size, --hidden, output size; checked against the data. */
function layerSizes(values: FlagValues, hidden: string, data: TrainingData): number[] {
  const inputs = data.train.x.cols;
  const outputs = data.train.y.cols;
  const given = text(values, 'layers');
  if (given === undefined) return [inputs, ...sizes('--hidden', hidden), outputs];
  const layers = sizes('--layers', given);
  if (layers.length < 2 || layers[0] !== inputs || layers.at(-1) !== outputs) {
    throw new UsageError(
      `--layers ${given} does not fit the data: it has ${inputs} features and ${outputs} outputs, so layers must be ${inputs},…,${outputs}`,
    );
  }
  return layers;
}

/** The optimizer with --lr folded into its options. */
function optimizerChoice(values: FlagValues, name: string, recipeRate: string | undefined): PluginRef {
  const ref = pluginRef('--optimizer', name);
  const rate = text(values, 'lr') ?? recipeRate;
  if (rate === undefined) return ref;
  const base = typeof ref === 'string' ? { name: ref, options: {} } : ref;
  return { name: base.name, options: { ...base.options, learningRate: number('--lr', rate) } };
}

/** The flags that decide what the run computes, saved for --resume (not where it writes). */
function recordedFlags(values: FlagValues): FlagValues {
  const skip = new Set([
    'quiet',
    'json',
    'help',
    'resume',
    'config',
    'out',
    'checkpoint',
    'checkpoint-every',
    // Any thread count computes the same bits.
    'threads',
  ]);
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => value !== undefined && !skip.has(key)),
  );
}

function pick(values: FlagValues, names: readonly string[]): FlagValues {
  return Object.fromEntries(
    names.filter((name) => values[name] !== undefined).map((name) => [name, values[name]]),
  );
}
