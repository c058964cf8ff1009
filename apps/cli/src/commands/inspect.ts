// `deltanet inspect m.json`: architecture, parameter counts, plugins, provenance and history.
import { describeSpec } from '@deltanet/backprop';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags } from '../args/flags';
import { formatPluginRef } from '../args/values';
import { UsageError } from '../exit-codes';
import type { Io } from '../io';
import { readModel } from '../model/files';
import { eventSink } from '../output/events';
import { networkName } from '../output/network-name';
import { table } from '../output/table';
import { warner } from '../output/warn';
import { percent } from '../progress';

export const inspectFlags = {
  'accept-edits': {
    type: 'boolean',
    help: 'describe a model that fails its integrity check (edited on purpose), with a warning',
  },
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet inspect <model.json>',
  description: `Describes a model or checkpoint file: layers and parameter counts per Θ(l), the plugins it
uses (and the modules third-party ones came from), where its data came from (name, sha256
fingerprint, rows, seed), how it was trained, and a summary of its training history.`,
  examples: ['deltanet inspect digits.json', 'deltanet inspect digits.json --json'],
};

export async function inspect(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, inspectFlags, help, io);
  if (!started) return 0;
  const { values, positionals, registry } = started;
  if (positionals.length !== 1)
    throw new UsageError(`inspect takes one model file, got ${positionals.length}`);
  const path = positionals[0]!;
  const events = eventSink(io.stdout, values.json === true);
  const {
    network: net,
    info,
    training,
    integrity,
  } = await readModel(path, registry, {
    acceptEdits: values['accept-edits'] === true,
    warn: warner(io, events),
  });
  const regression = info.outputs === 'values';
  const spec = describeSpec(net.spec);
  const thetas = net.thetas.map((theta, l) => ({
    theta: `Θ(${l + 1})`,
    shape: `${theta.rows} × ${theta.cols}`,
    weights: theta.rows * (theta.cols - 1),
    biases: theta.rows,
  }));
  // The layers between the dense ones (dropout, batch-norm, third-party kinds): their options and blocks.
  const block = ({ name, rows, cols }: { name: string; rows: number; cols: number }) =>
    `${name} ${rows} × ${cols}`;
  const otherLayers = net.stack
    .filter((layer) => layer.dense === undefined)
    .map((layer) => ({
      layer: layer.index,
      plugin: formatPluginRef(
        layer.plugin.options ? { name: layer.plugin.name, options: layer.plugin.options } : layer.plugin.name,
      ),
      parameters: layer.built.parameters.map(block),
      state: layer.built.state.map(block),
    }));
  const history = net.history;
  const last = history.at(-1);
  const best = history.reduce<(typeof history)[number] | undefined>(
    (b, r) =>
      r.validationCost !== undefined && (b === undefined || r.validationCost < b.validationCost!) ? r : b,
    undefined,
  );
  const plugins = [
    ...spec.activation.map((ref, l) => ({ role: `activation of layer ${l + 2}`, ref })),
    { role: 'output activation', ref: spec.outputActivation },
    { role: 'loss', ref: spec.loss },
    { role: 'regularizer', ref: spec.regularizer },
    { role: 'initializer', ref: spec.initializer },
  ].map(({ role, ref }) => {
    const name = typeof ref === 'string' ? ref : ref.name;
    const module = info.plugins?.find((p) => p.name === name)?.module;
    return { role, plugin: formatPluginRef(ref), ...(module && { module }) };
  });

  events.emit({
    event: 'result',
    command: 'inspect',
    file: path,
    integrity,
    layers: [...net.layers],
    dtype: net.dtype,
    parameters: net.parameterCount,
    thetas,
    otherLayers,
    plugins,
    lambda: net.lambda,
    seed: spec.seed,
    provenance: JSON.parse(JSON.stringify({ ...info, flags: undefined })),
    history: {
      epochs: history.length,
      ...(last && { last: withoutAccuracy(last, regression) }),
      ...(best && { best: withoutAccuracy(best, regression) }),
    },
    ...(info.metrics && { metrics: { ...info.metrics } }),
    ...(training && {
      checkpoint: {
        completedEpochs: training.completedEpochs,
        batchesDone: training.batchesDone,
        optimizer: training.optimizer,
      },
    }),
  });
  if (values.json === true) return 0;
  const lines = [
    `${path}: ${training ? 'checkpoint' : 'model'} ${networkName(net)}, ${net.dtype}, ${net.parameterCount} parameters`,
    '',
    table([
      ['', 'shape', 'weights', 'biases'],
      ...thetas.map((t) => [t.theta, t.shape, String(t.weights), String(t.biases)]),
    ]),
    ...(otherLayers.length > 0
      ? [
          '',
          table(
            otherLayers.map((o) => [
              `layer ${o.layer}`,
              o.plugin,
              o.parameters.length > 0 ? o.parameters.join(', ') : 'no parameters',
              o.state.length > 0 ? `state: ${o.state.join(', ')}` : '',
            ]),
          ),
        ]
      : []),
    '',
    'plugins:',
    table(plugins.map((p) => [p.role, p.plugin, p.module ? `(from ${p.module})` : ''])),
    `  λ = ${net.lambda}, seed ${spec.seed}`,
    '',
    'provenance:',
    table([
      ['data', info.dataset ?? 'unknown'],
      ['fingerprint', info.fingerprint ?? 'unknown'],
      [
        'rows',
        info.trainRows !== undefined ? `${info.trainRows} train, ${info.testRows ?? 0} test` : 'unknown',
      ],
      ['classes', info.classNames ? info.classNames.join(', ') : '—'],
      ['normalized', info.normalization ? 'yes (μ, σ of the training rows)' : 'no'],
      ...(regression
        ? [
            [
              'targets',
              info.targetNormalization ? 'standardized (μ, σ saved, undone on outputs)' : 'as given',
            ],
          ]
        : []),
      ['outputs', describeOutputs(info.outputs)],
      [
        'integrity',
        integrity === 'verified'
          ? 'sha256 verified'
          : integrity === 'absent'
            ? 'none (format version 1)'
            : 'MODIFIED after saving (--accept-edits)',
      ],
      ['trained with', info.flags ? flagsLine(info.flags) : 'unknown'],
      ['deltanet', info.deltanet ?? 'unknown'],
    ]),
    '',
    'history:',
    last
      ? `  ${history.length} epochs; last: cost ${last.cost.toFixed(4)}${regression ? '' : `, accuracy ${percent(last.accuracy)}`}` +
        (last.validationCost !== undefined ? `, validation cost ${last.validationCost.toFixed(4)}` : '') +
        (best ? `; best validation cost ${best.validationCost!.toFixed(4)} at epoch ${best.epoch}` : '')
      : '  not trained',
  ];
  if (info.metrics) {
    const m = info.metrics as Record<string, number>;
    const line = (set: string, prefix: string) =>
      m[`${prefix}Rmse`] !== undefined
        ? [
            `  ${set}: RMSE ${m[`${prefix}Rmse`]!.toPrecision(4)} · MAE ${m[`${prefix}Mae`]!.toPrecision(4)} · R² ${m[`${prefix}R2`]!.toFixed(4)}`,
          ]
        : [];
    lines.push(
      '',
      "regression figures when saved (targets' units):",
      ...line('train', 'train'),
      ...line('test', 'test'),
      ...(m.baselineRmse !== undefined
        ? [`  predicting the training mean: RMSE ${m.baselineRmse.toPrecision(4)}`]
        : []),
    );
  }
  if (training) {
    lines.push(
      '',
      `checkpoint: ${training.completedEpochs} epochs done${training.batchesDone ? ` and ${training.batchesDone} batches of the next` : ''} with ${training.optimizer}; continue with deltanet train --resume ${path}`,
    );
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function describeOutputs(outputs: string | undefined): string {
  switch (outputs) {
    case 'probabilities':
      return 'probabilities (p(class) columns in predict)';
    case 'scores':
      return 'per-class scores in [0, 1], not a distribution (score(class) columns)';
    case 'values':
      return 'values (regression)';
    default:
      return 'unknown';
  }
}

/** An epoch record as inspect shows it: accuracy means nothing for a regression. */
function withoutAccuracy(record: object, regression: boolean): { [key: string]: number } {
  const entries = Object.entries(record as Record<string, number>);
  return Object.fromEntries(regression ? entries.filter(([key]) => !/ccuracy$/.test(key)) : entries);
}

function flagsLine(flags: Record<string, unknown>): string {
  return Object.entries(flags)
    .filter(([key]) => key !== 'dataset')
    .map(([key, value]) =>
      value === true ? `--${key}` : `--${key} ${Array.isArray(value) ? value.join(' ') : String(value)}`,
    )
    .join(' ');
}
