// What `train` builds before it trains: the network from flags and data (layer sizes, output
// activation and loss defaults, the parameter budget) and the data with standardized targets.
import type { Network, UncheckedLayeredNetworkSpec } from '@deltanet/backprop';
import { checkSpec, createNetwork, parameterCount } from '@deltanet/backprop';
import type { BackendPlugin, PluginRef, PluginRegistry } from '@deltanet/contract';
import { applyStandardizer, type fitStandardizer } from '@deltanet/data';
import type { FlagValues } from '../args/flags';
import { text } from '../args/flags';
import { stackEntries } from '../args/stack';
import { looksLikeFile } from '../data/files';
import type { TrainingData } from '../data/training-data';
import { UsageError } from '../exit-codes';

/** The data with standardized targets, when --normalize-targets asks for them. */
export function withTargets(
  data: TrainingData,
  standardizer: ReturnType<typeof fitStandardizer> | undefined,
): TrainingData {
  if (!standardizer) return data;
  const scale = (rows: TrainingData['train']) =>
    rows.y.rows > 0 ? { ...rows, y: applyStandardizer(rows.y, standardizer) } : rows;
  return { ...data, train: scale(data.train), test: scale(data.test) };
}

/**
 * The output activation and loss: flags win; regression takes linear + mean-squared-error; a
 * file with more than two classes takes softmax + softmax-cross-entropy, so its outputs are
 * probabilities; otherwise the course's sigmoid + cross-entropy (digits: one score per class).
 */
export function outputDefaults(
  ref: string,
  regression: boolean,
  data: TrainingData,
  values: FlagValues,
): { outputActivation: string; loss: string } {
  const activation = text(values, 'output-activation');
  const loss = text(values, 'loss');
  if (regression) return { outputActivation: activation ?? 'linear', loss: loss ?? 'mean-squared-error' };
  const softmax =
    (activation === undefined && loss === undefined && looksLikeFile(ref) && data.train.y.cols > 2) ||
    (activation === undefined && loss === 'softmax-cross-entropy') ||
    (activation === 'softmax' && loss === undefined);
  return softmax
    ? { outputActivation: activation ?? 'softmax', loss: loss ?? 'softmax-cross-entropy' }
    : { outputActivation: activation ?? 'sigmoid', loss: loss ?? 'cross-entropy' };
}

/** A network too large to allocate is a usage error, not a crash. */
export function buildNetwork(
  spec: UncheckedLayeredNetworkSpec,
  registry: PluginRegistry,
  backend?: BackendPlugin,
): Network {
  // The dense chain's Θ: other layers add a few values per unit at most.
  const count = parameterCount(spec.layers.filter((entry): entry is number => typeof entry === 'number'));
  // Θ, D, and the optimizer's state each hold every parameter: a budget of 2^27 (1 GiB of Θ
  // in float64) keeps that within what a laptop can hold.
  if (count > 2 ** 27) {
    throw new UsageError(
      `network ${spec.layers.join('-')} has ${count.toExponential(2)} parameters (${((count * 8) / 2 ** 30).toFixed(1)} GiB for Θ alone in float64); the limit is ${2 ** 27} (1 GiB): use smaller layers`,
    );
  }
  return createNetwork(checkSpec(spec, registry), { registry, ...(backend && { backend }) });
}

/**
 * The stack from --layers, or input size, --hidden, output size; checked against the data. Both
 * flags take other layers by name between the sizes (784,dropout:0.2,96,batch-norm,10).
 */
export function layerSizes(
  values: FlagValues,
  hidden: string,
  data: TrainingData,
  registry: PluginRegistry,
): (number | PluginRef)[] {
  const inputs = data.train.x.cols;
  const outputs = data.train.y.cols;
  const given = text(values, 'layers');
  if (given === undefined) return [inputs, ...stackEntries('--hidden', hidden, registry), outputs];
  const layers = stackEntries('--layers', given, registry);
  if (layers.length < 2 || layers[0] !== inputs || layers.at(-1) !== outputs) {
    throw new UsageError(
      `--layers ${given} does not fit the data: it has ${inputs} features and ${outputs} outputs, so layers must be ${inputs},…,${outputs}`,
    );
  }
  return layers;
}
