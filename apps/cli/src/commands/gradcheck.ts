// `deltanet gradcheck`: backprop's gradient against central differences, for a network built
// from flags (the course's 3-5-3 by default) or a saved model, on small random data or given rows.
import type { UncheckedLayeredNetworkSpec } from '@deltanet/backprop';
import { checkGradients, checkSpec, createNetwork } from '@deltanet/backprop';
import type { Matrix } from '@deltanet/contract';
import { createRandom, fromRows, rowSlice } from '@deltanet/tensor';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags, text } from '../args/flags';
import { networkFlags } from '../args/network-flags';
import { stackEntries } from '../args/stack';
import { integer, number, pluginRef, pluginRefs } from '../args/values';
import { dataForModel } from '../data/model-data';
import { ExitCode, UsageError } from '../exit-codes';
import type { Io } from '../io';
import { readModel } from '../model/files';
import { paint } from '../output/color';
import { eventSink } from '../output/events';
import { networkName } from '../output/network-name';
import { table } from '../output/table';
import { warner } from '../output/warn';

export const gradcheckFlags = {
  model: { type: 'string', value: '<model.json>', help: 'check this saved model at its weights' },
  layers: {
    type: 'string',
    value: '<n,...,n>',
    help: 'layers of a fresh network, other layers by name between the sizes (default 3,5,3, as in the course; 3,5,batch-norm,3)',
  },
  ...networkFlags,
  rows: { type: 'string', value: '<m>', help: 'examples to check on (default 5)' },
  seed: { type: 'string', value: '<n>', help: 'seed of the weights and random data (default 1)' },
  epsilon: { type: 'string', value: '<ε>', help: 'central-difference step (default 1e-4)' },
  threshold: {
    type: 'string',
    value: '<t>',
    help: "the verdict's tolerance: passes when ‖n − a‖ ≤ t·‖n + a‖ + 1e-8·√k (default 1e-5)",
  },
  'accept-edits': {
    type: 'boolean',
    help: 'check a --model that fails its integrity check (edited on purpose), with a warning',
  },
  worst: { type: 'string', value: '<n>', help: 'how many worst entries to show (default 5)' },
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet gradcheck [--model <model.json> [dataset | file]] [options]',
  description: `Compares backpropagation's gradient D with central differences (J(θ+ε) − J(θ−ε)) / 2ε for
every weight, in float64. Decides by the course's criterion: it passes when ‖n − a‖ is within
--threshold (default 1e-5) of ‖n + a‖, plus a floor of 1e-8·√k for round-off on gradients that
vanish (a trained network). Single entries are flagged only beyond |a − n| > 1e-5 + 1e-3·|n|
(PyTorch's gradcheck rule); entries whose ±ε crossed a kink of relu-like activations are shown
as kinks and left out, since a central difference there measures neither slope. Exits with code 6
when the check fails.`,
  examples: [
    'deltanet gradcheck',
    'deltanet gradcheck --layers 4,6,6,3 --activation tanh --lambda 3',
    'deltanet gradcheck --plugin ./cube.mjs --activation cube',
    'deltanet gradcheck --model iris.json iris.csv --rows 20',
  ],
};

export async function gradcheck(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, gradcheckFlags, help, io);
  if (!started) return 0;
  const { values, positionals, registry } = started;
  const seed = integer('--seed', text(values, 'seed') ?? '1');
  const rows = integer('--rows', text(values, 'rows') ?? '5', 1);
  const thresholdText = text(values, 'threshold') ?? '1e-5';
  const threshold = number('--threshold', thresholdText);
  if (!(threshold > 0)) throw new UsageError(`--threshold must be a number > 0, got "${thresholdText}"`);
  const modelPath = text(values, 'model');
  if (positionals.length > 1)
    throw new UsageError(`gradcheck takes at most one dataset or file, got ${positionals.length}`);
  if (positionals.length === 1 && modelPath === undefined) {
    throw new UsageError('gradcheck reads a dataset or file only with --model (its columns and classes)');
  }
  let net: ReturnType<typeof createNetwork>;
  let x: Matrix;
  let y: Matrix;
  if (modelPath !== undefined) {
    const model = await readModel(modelPath, registry, {
      acceptEdits: values['accept-edits'] === true,
      warn: warner(io, eventSink(io.stdout, values.json === true)),
    });
    net = model.network;
    if (positionals.length === 1) {
      const data = await dataForModel(positionals[0]!, model, true);
      const m = Math.min(rows, data.x.rows);
      x = rowSlice(data.x, 0, m);
      y = rowSlice(data.y, 0, m);
    } else ({ x, y } = randomData(net.layers, rows, seed));
  } else {
    const layers = stackEntries('--layers', text(values, 'layers') ?? '3,5,3', registry);
    if (layers.filter((entry) => typeof entry === 'number').length < 2)
      throw new UsageError('--layers needs at least an input and an output size');
    const spec: UncheckedLayeredNetworkSpec = {
      layers,
      activation: pluginRefs('--activation', text(values, 'activation') ?? 'sigmoid'),
      outputActivation: pluginRef('--output-activation', text(values, 'output-activation') ?? 'sigmoid'),
      loss: pluginRef('--loss', text(values, 'loss') ?? 'cross-entropy'),
      ...(text(values, 'regularizer') && {
        regularizer: pluginRef('--regularizer', text(values, 'regularizer')!),
      }),
      lambda: number('--lambda', text(values, 'lambda') ?? '0'),
      seed,
    };
    net = createNetwork(checkSpec(spec, registry), { registry });
    ({ x, y } = randomData(net.layers, rows, seed));
  }
  const report = checkGradients(net, x, y, {
    epsilon: number('--epsilon', text(values, 'epsilon') ?? '1e-4'),
    worst: integer('--worst', text(values, 'worst') ?? '5'),
    tolerance: threshold,
  });
  const { passed } = report;
  eventSink(io.stdout, values.json === true).emit({
    event: 'result',
    command: 'gradcheck',
    passed,
    tolerance: report.tolerance,
    absoluteTolerance: report.absoluteTolerance,
    threshold: report.tolerance,
    layers: [...net.layers],
    rows: x.rows,
    relativeDifference: report.relativeDifference,
    differenceNorm: report.differenceNorm,
    maxRelativeDifference: report.maxRelativeDifference,
    maxAbsoluteDifference: report.maxAbsoluteDifference,
    checked: report.checked,
    flagged: report.flagged,
    kinks: report.kinks,
    worst: report.worst.map((entry) => ({ ...entry })),
  });
  if (values.json !== true) {
    io.stdout.write(
      `${[
        `network ${networkName(net)} (${net.activations.map((a) => a.name).join(', ')}; ${net.loss.name}; λ = ${net.lambda}), ${x.rows} examples, ${report.checked} ${net.allDense ? 'weights' : 'parameters'}`,
        `relative difference ‖n − a‖/‖n + a‖: ${report.relativeDifference.toExponential(3)} (tolerance ${thresholdText}; ‖n − a‖ = ${report.differenceNorm.toExponential(3)}, round-off floor ${(report.absoluteTolerance * Math.sqrt(report.checked - report.kinks)).toExponential(1)})`,
        `entries beyond |a − n| > 1e-5 + 1e-3·|n|: ${report.flagged}` +
          (report.kinks > 0 ? `; entries across a kink (left out): ${report.kinks}` : ''),
        '',
        'worst entries:',
        table([
          ['layer', 'row', 'column', 'backprop', 'numeric', 'relative difference', ''],
          ...report.worst.map((e) => [
            // Dense weights as Θ(l); other layers' parameters by index, kind and block.
            /^layer \d+ dense /.test(e.name) ? `Θ(${e.layer})` : e.name.replace(/\[\d+\]$/, ''),
            String(e.row),
            String(e.column),
            e.backprop.toExponential(6),
            e.numeric.toExponential(6),
            e.relativeDifference.toExponential(3),
            e.kink ? 'kink (ε crossed z = 0)' : e.flagged ? 'FLAGGED' : '',
          ]),
        ]),
        passed
          ? paint(io.stdout, 'green', 'gradient check passed')
          : paint(io.stdout, 'red', 'gradient check FAILED'),
      ].join('\n')}\n`,
    );
  }
  return passed ? ExitCode.ok : ExitCode.checkFailed;
}

/** m random examples: x uniform in [−1, 1), y one class per row (one-hot), from `seed`. */
function randomData(layers: readonly number[], m: number, seed: number): { x: Matrix; y: Matrix } {
  const random = createRandom(seed + 7919);
  const n = layers[0]!;
  const k = layers.at(-1)!;
  const x = fromRows(
    Array.from({ length: m }, () => Array.from({ length: n }, () => random.uniform() * 2 - 1)),
  );
  const y = fromRows(
    Array.from({ length: m }, (_, i) =>
      Array.from({ length: k }, (_, j) => (k === 1 ? i % 2 : Number(j === i % k))),
    ),
  );
  return { x, y };
}
