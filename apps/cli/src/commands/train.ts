// `deltanet train [dataset | file]`: build a network from flags (or a --config file), train it
// with progress, checkpoints and Ctrl-C handling, report held-out figures, save the model.
import type {
  Network,
  TrainingHistory,
  TrainingState,
  UncheckedLayeredNetworkSpec,
} from '@deltanet/backprop';
import { fit, serializeNetwork } from '@deltanet/backprop';
import { fitStandardizer } from '@deltanet/data';
import { setWasmThreads } from '@deltanet/tensor';
import { startCommand } from '../args/command';
import { readConfig, text, withConfig } from '../args/flags';
import { fraction, integer, number, pluginRef, pluginRefs } from '../args/values';
import { datasetNames } from '../data/datasets';
import { looksLikeFile } from '../data/files';
import { trainingData } from '../data/training-data';
import { signalExitCode, UsageError } from '../exit-codes';
import type { OutputFile } from '../files';
import { outputFiles } from '../files';
import { interruptSignal } from '../interrupt';
import type { Io } from '../io';
import { columnMeans } from '../metrics';
import { readModel } from '../model/files';
import type { ModelMetadata } from '../model/metadata';
import { toJson } from '../model/metadata';
import { eventSink } from '../output/events';
import { networkName } from '../output/network-name';
import { warner } from '../output/warn';
import { pluginInputs } from '../plugins/load';
import { percent, progressReporter } from '../progress';
import { version } from '../version';
import { fullBatchLayerWarnings, outputRange, trainingWarnings } from '../warnings';
import { pick, recipes, recordedFlags, resumable, trainFlags, trainHelp } from './train-flags';
import { composedOptimizer, optimizerChoice } from './train-optimizer';
import { regressionLine, regressionMetrics, scorer } from './train-report';
import { buildNetwork, layerSizes, outputDefaults, withTargets } from './train-setup';

/** Runs `train` with the arguments after the command name. */
export async function train(args: string[], io: Io): Promise<number> {
  const parsed = await startCommand(args, trainFlags, trainHelp, io);
  if (!parsed) return 0;
  const resumeFrom = text(parsed.values, 'resume');
  const configFile = text(parsed.values, 'config');
  const json = parsed.values.json === true;
  const events = eventSink(io.stdout, json);
  const warn = warner(io, events);
  const force = parsed.values.force === true;
  const resumed =
    resumeFrom !== undefined
      ? await readModel(resumeFrom, parsed.registry, {
          acceptEdits: parsed.values['accept-edits'] === true,
          warn,
        })
      : undefined;
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

  // Every file this run may write, checked against every file it reads before any work.
  const out = text(values, 'out');
  const checkpointGiven = text(values, 'checkpoint');
  const checkpointPath =
    checkpointGiven ??
    resumeFrom ??
    (out ? out.replace(/(\.json)?$/, '.checkpoint.json') : 'deltanet-checkpoint.json');
  const checkpointEvery = integer('--checkpoint-every', text(values, 'checkpoint-every') ?? '0');
  const testFile = text(values, 'test');
  const outputs: OutputFile[] = [
    ...(out ? [{ role: '--out', path: out, kind: 'model' as const }] : []),
    {
      role: checkpointGiven ? '--checkpoint' : 'the checkpoint',
      path: checkpointPath,
      kind: 'checkpoint',
      replaces: ['--resume'],
      // The default checkpoint is written only if the run is stopped: never refuse a run for it.
      ...(checkpointGiven === undefined &&
        resumeFrom === undefined &&
        checkpointEvery === 0 &&
        !out && {
          lazy: true,
        }),
    },
  ];
  const files = await outputFiles(
    [
      ...(looksLikeFile(ref) ? [{ role: 'the data file', path: ref }] : []),
      ...(testFile !== undefined ? [{ role: '--test', path: testFile }] : []),
      ...(configFile !== undefined ? [{ role: '--config', path: configFile }] : []),
      ...(resumeFrom !== undefined ? [{ role: '--resume', path: resumeFrom }] : []),
      ...pluginInputs(values),
    ],
    outputs,
    { force },
  );

  const seed = integer('--seed', text(values, 'seed') ?? '1');
  const dtype = text(values, 'dtype') ?? 'float64';
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new UsageError(`--dtype must be float32 or float64, got "${dtype}"`);
  // Before the first product sets the kernels' memory up; any count gives the same bits.
  const threads = text(values, 'threads');
  if (threads !== undefined) setWasmThreads(integer('--threads', threads, 1));
  const loaded = await trainingData(ref, values, seed, dtype);
  const regression = text(values, 'label-mode') === 'value';
  if (resumed && resumed.info.fingerprint !== loaded.provenance.fingerprint) {
    const message = `${ref} is not the data the checkpoint ${resumeFrom} was trained on (its sha256 fingerprint differs)`;
    if (!force) throw new UsageError(`${message}; pass --force to continue on it anyway`);
    warn(`${message}; continuing on it (--force)`);
  }
  if (values['normalize-targets'] === true && !regression)
    throw new UsageError('--normalize-targets is for regression (--label-mode value)');
  const targetNormalization =
    values['normalize-targets'] === true ? fitStandardizer(loaded.train.y) : undefined;
  const data = withTargets(loaded, targetNormalization);
  const defaults = outputDefaults(ref, regression, data, values);
  const spec: UncheckedLayeredNetworkSpec = {
    layers: layerSizes(values, flag('hidden'), data, parsed.registry),
    activation: pluginRefs('--activation', flag('activation')),
    outputActivation: pluginRef('--output-activation', defaults.outputActivation),
    loss: pluginRef('--loss', defaults.loss),
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
  // By name through the registry (an unknown name gets the valid ones and a did-you-mean). A
  // resumed run recorded its backend among its flags: the checkpoint is loaded onto it again.
  const backendName = text(values, 'backend');
  const backend = backendName === undefined ? undefined : registry.get('backend', backendName);
  const net = resumed
    ? backend && backend !== resumed.network.backend
      ? (await readModel(resumeFrom!, registry, { acceptEdits: values['accept-edits'] === true, backend }))
          .network
      : resumed.network
    : buildNetwork(spec, registry, backend);
  const optimizerRef = optimizerChoice(
    values,
    flag('optimizer'),
    text(values, 'optimizer') === undefined ? recipe.lr : undefined,
  );
  const batchText = flag('batch-size');
  const batchSize = batchText === 'full' ? 'full' : integer('--batch-size', batchText, 1);
  const epochs = integer('--epochs', flag('epochs'));
  const patience = text(values, 'early-stopping');
  const validationSplit = text(values, 'validation-split');
  const split = validationSplit !== undefined ? fraction('--validation-split', validationSplit) : 0;
  // fit holds out the last ⌊rows·split⌋ rows: the schedule counts the updates of what is left.
  const trainRows = data.train.x.rows - Math.floor(data.train.x.rows * split);
  const optimizer = composedOptimizer(optimizerRef, values, parsed.registry, {
    batches: batchSize === 'full' ? 1 : Math.ceil(trainRows / batchSize),
    epochs,
  });
  const quiet = values.quiet === true || json;
  const score = scorer(regression, columnMeans(loaded.train.y), targetNormalization);
  const range = outputRange(net.activations.at(-1)!, net.layers.at(-1)!);
  const outputsHold: ModelMetadata['outputs'] = regression
    ? 'values'
    : range.distribution || (net.layers.at(-1) === 1 && range.unit)
      ? 'probabilities'
      : 'scores';
  const used = new Set(
    [
      ...net.activations,
      net.loss,
      net.regularizer,
      net.spec.initializer,
      ...net.stack.map((layer) => layer.plugin),
    ].map((p) => `${p.kind}/${p.name}`),
  );
  const metadata: ModelMetadata = {
    ...data.provenance,
    seed,
    plugins: parsed.loaded
      .filter(({ plugin }) => used.has(`${plugin.kind}/${plugin.name}`) || plugin.kind === 'optimizer')
      .map(({ plugin, module }) => ({ kind: plugin.kind, name: plugin.name, module })),
    ...(targetNormalization && { targetNormalization }),
    ...(regression && { targetMean: columnMeans(loaded.train.y) }),
    outputs: outputsHold,
    flags: { ...recordedFlags(values, epochs), dataset: ref },
    deltanet: version,
  };
  if (!resumed) {
    for (const warning of trainingWarnings(
      net,
      {
        x: data.train.x,
        y: data.train.y,
        ...(data.train.featureNames && { featureNames: data.train.featureNames }),
      },
      { normalized: values.normalize === true || !looksLikeFile(ref) },
    ))
      warn(warning);
    const chosen =
      typeof optimizer === 'object' && 'kind' in optimizer
        ? optimizer
        : parsed.registry.resolve('optimizer', optimizer);
    for (const warning of fullBatchLayerWarnings(net, chosen)) warn(warning);
  }
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
    outputs: outputsHold,
    ...(resumed && { resumedFrom: resumeFrom, completedEpochs: resumed.training!.completedEpochs }),
  });
  if (!quiet) {
    io.stderr.write(
      `${ref}: ${data.train.x.rows} training rows, ${data.test.x.rows} test rows; network ${networkName(net)}` +
        ` (${net.activations.map((a) => a.name).join(', ')}; ${net.loss.name}; λ = ${net.lambda})\n`,
    );
    if (resumed)
      io.stderr.write(`resuming from ${resumeFrom} after epoch ${resumed.training!.completedEpochs}\n`);
  }

  const interrupt = interruptSignal(io.stderr);
  let history: TrainingHistory;
  let lastCheckpoint: TrainingState | undefined;
  let checkpointFailure: string | undefined;
  try {
    const epochFigures = (n: Network) => score.regressionOn(n, data.train, loaded.train.y);
    const progress = progressReporter(io.stderr, {
      quiet,
      regression,
      ...(regression && { epochFigures: () => regressionLine(epochFigures(net)!) }),
    });
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
      costGuard: true,
      onCheckpoint: async (training) => {
        const output = pick(values, ['out', 'checkpoint', 'checkpoint-every']);
        const text = serializeNetwork(net, { metadata: toJson({ ...metadata, output }), training });
        try {
          await files.write(checkpointPath, text);
        } catch (error) {
          // A full disk must not end a long run: the next checkpoint may succeed.
          checkpointFailure = (error as Error).message;
          warn(`${checkpointFailure}; training goes on without this checkpoint`);
          return;
        }
        checkpointFailure = undefined;
        lastCheckpoint = training;
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
          const { type: _, accuracy, validationAccuracy, ...record } = event;
          if (regression) {
            const { rmse, mae, r2 } = epochFigures(net)!;
            events.emit({ event: 'epoch', ...record, rmse, mae, r2 });
          } else {
            events.emit({
              event: 'epoch',
              ...record,
              accuracy,
              ...(validationAccuracy !== undefined && { validationAccuracy }),
            });
          }
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
    const code = interrupt.exitCode() ?? signalExitCode.SIGINT;
    const saved = checkpointFailure === undefined && lastCheckpoint !== undefined;
    events.emit({
      event: 'result',
      command: 'train',
      stopped: true,
      checkpoint: saved ? checkpointPath : null,
      completedEpochs: lastCheckpoint?.completedEpochs ?? 0,
    });
    if (!json)
      io.stderr.write(
        saved
          ? `stopped; resume with: deltanet train --resume ${checkpointPath}\n`
          : `stopped; the checkpoint could not be saved (${checkpointFailure ?? 'no checkpoint taken'})\n`,
      );
    return code;
  }

  const trained = net.evaluate(data.train.x, data.train.y);
  const tested = data.test.x.rows > 0 ? net.evaluate(data.test.x, data.test.y) : undefined;
  const trainFigures = score.regressionOn(net, data.train, loaded.train.y);
  const testFigures = score.regressionOn(net, data.test, loaded.test.y);
  const metrics = regressionMetrics(trainFigures, testFigures);
  if (out) {
    await files.write(
      out,
      serializeNetwork(net, { metadata: toJson({ ...metadata, ...(metrics && { metrics }) }) }),
    );
  }
  events.emit({
    event: 'result',
    command: 'train',
    stopReason: history.stopReason,
    epochs: history.epochs.length,
    trainCost: trained.cost,
    ...(regression ? metrics : { trainAccuracy: trained.accuracy }),
    ...(tested && { testCost: tested.cost }),
    ...(tested && !regression && { testAccuracy: tested.accuracy }),
    ...(out && { model: out }),
  });
  if (!json) {
    if (trainFigures) {
      // Accuracy means nothing for real-valued targets: the error in their units, and R²
      // against the baseline that predicts the training targets' mean.
      io.stdout.write(`train ${regressionLine(trainFigures)}\n`);
      if (testFigures) {
        io.stdout.write(
          `test ${regressionLine(testFigures)} (${data.test.x.rows} held-out rows; predicting the training mean: RMSE ${testFigures.baselineRmse.toPrecision(4)})\n`,
        );
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
