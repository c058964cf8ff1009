// TensorFlow.js LayersModel import: a Sequential model of Dense layers (with activation layers
// after them, Dropout and BatchNormalization between them) becomes a deltanet network with
// Θ(l) = [bias, kernelᵀ] and the same stack.
import type { Network, UncheckedLayeredNetworkSpec } from '@deltanet/backprop';
import { checkSpec, createNetwork } from '@deltanet/backprop';
import type { DType, PluginRef } from '@deltanet/contract';
import { FormatError } from '@deltanet/contract';
import { defaultLoss } from './internal/default-loss';
import { readWeights } from './internal/tfjs-weights';

/** Options of `importTfjs`. */
export interface TfjsImportOptions {
  /** The network's precision. Default float64 (float32 weights are exact in it). */
  readonly dtype?: DType;
  /** The loss. Default from the output activation: cross-entropy after sigmoid, softmax-cross-entropy after softmax, else mean-squared-error. */
  readonly loss?: PluginRef;
  /** File name for error messages. Default `model.json`. */
  readonly source?: string;
}

// Keras activation names with a deltanet plugin that computes the same function.
const activationNames: Record<string, PluginRef> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  linear: 'linear',
  softmax: 'softmax',
  elu: 'elu',
  softplus: 'softplus',
  swish: 'swish',
  silu: 'swish',
  gelu_new: 'gelu',
  geluNew: 'gelu',
};

interface DenseLayer {
  kind: 'dense';
  name: string;
  units: number;
  useBias: boolean;
  activation: PluginRef;
  /** The layer whose activation this is, for error messages. */
  activationFrom: string;
}

/** A Keras layer that is a deltanet layer of its own: Dropout or BatchNormalization. */
type OtherLayer =
  | { kind: 'dropout'; name: string; what: string; rate: number }
  | {
      kind: 'batch-norm';
      name: string;
      what: string;
      momentum: number;
      epsilon: number;
      center: boolean;
      scale: boolean;
    };

const importable = 'InputLayer, Dense, Dropout, BatchNormalization, Activation, LeakyReLU, ELU';

/**
 * Builds a deltanet network from a TensorFlow.js LayersModel: `modelJson` is model.json's parsed
 * content (tfjs-layers' own or tensorflowjs_converter's Keras form) and `weights` the bytes of
 * its weight files, concatenated in the manifest's order. Accepted layers: InputLayer, Dense,
 * Dropout (a dropout layer of the same rate), BatchNormalization over the last axis (a
 * batch-norm layer: gamma → γ, beta → β, moving_mean and moving_variance → the running
 * statistics, momentum and ε unchanged, Keras's momentum meaning what ours does), and right
 * after a linear Dense an Activation, LeakyReLU or ELU layer. Anything else throws a FormatError
 * naming the layer and its class.
 *
 * @example
 * const modelJson = JSON.parse(await readFile('model.json', 'utf8'));
 * const net = importTfjs(modelJson, await readFile('weights.bin'));
 * checkGradients(net, x, y); // the imported network is a normal deltanet network
 */
export function importTfjs(
  modelJson: unknown,
  weights: Uint8Array,
  options: TfjsImportOptions = {},
): Network {
  const source = options.source ?? 'model.json';
  const fail = (field: string, message: string): never => {
    throw new FormatError(field, message, source);
  };
  const doc = asRecord(modelJson) ?? fail('(document)', 'expected a JSON object');
  const topology = asRecord(doc.modelTopology) ?? fail('modelTopology', 'expected an object');
  const model = asRecord(topology.model_config) ?? topology;
  if (model.class_name !== 'Sequential') {
    fail(
      'modelTopology.class_name',
      `only Sequential models of Dense layers import, got ${JSON.stringify(model.class_name)}`,
    );
  }
  const config = model.config;
  const rawLayers = Array.isArray(config) ? config : asRecord(config)?.layers;
  if (!Array.isArray(rawLayers)) fail('modelTopology.config.layers', 'expected an array of layers');

  const stack: (DenseLayer | OtherLayer)[] = [];
  (rawLayers as unknown[]).forEach((raw, index) => {
    const field = `modelTopology.config.layers[${index}]`;
    const layer = asRecord(raw) ?? fail(field, 'expected an object');
    const layerConfig = asRecord(layer.config) ?? fail(`${field}.config`, 'expected an object');
    const className = String(layer.class_name);
    const name = typeof layerConfig.name === 'string' ? layerConfig.name : `#${index}`;
    const what = `layer "${name}" (${className})`;
    const last = stack[stack.length - 1];
    const setActivation = (activation: PluginRef) => {
      if (!last) fail(field, `${what} comes before any Dense layer`);
      if (last!.kind !== 'dense') {
        // deltanet applies g inside the dense layer, before the layers after it.
        fail(
          field,
          `${what} follows ${last!.what}; deltanet applies an activation only right after its Dense layer`,
        );
      }
      const dense = last as DenseLayer;
      if (dense.activation !== 'linear') {
        fail(
          field,
          `${what} follows Dense layer "${dense.name}", which already applies ${JSON.stringify(dense.activation)}`,
        );
      }
      dense.activation = activation;
      dense.activationFrom = what;
    };
    const number = (key: string, fallback: number, ok: (v: number) => boolean, range: string) => {
      const value = layerConfig[key] ?? fallback;
      if (typeof value !== 'number' || !ok(value)) {
        fail(`${field}.config.${key}`, `${what}: ${key} must be ${range}, got ${JSON.stringify(value)}`);
      }
      return value as number;
    };
    switch (className) {
      case 'InputLayer':
        return;
      case 'Dropout':
        stack.push({
          kind: 'dropout',
          name,
          what,
          rate: number('rate', 0.5, (v) => v >= 0 && v < 1, 'in [0, 1)'),
        });
        return;
      case 'BatchNormalization': {
        const axis =
          Array.isArray(layerConfig.axis) && layerConfig.axis.length === 1
            ? layerConfig.axis[0]
            : layerConfig.axis;
        if (axis !== undefined && axis !== -1 && axis !== 1) {
          fail(
            `${field}.config.axis`,
            `${what} normalizes axis ${JSON.stringify(layerConfig.axis)}; deltanet's batch-norm normalizes each unit (axis −1)`,
          );
        }
        stack.push({
          kind: 'batch-norm',
          name,
          what,
          momentum: number('momentum', 0.99, (v) => v >= 0 && v <= 1, 'in [0, 1]'),
          epsilon: number('epsilon', 1e-3, (v) => v > 0, '> 0'),
          center: layerConfig.center !== false,
          scale: layerConfig.scale !== false,
        });
        return;
      }
      case 'Dense': {
        const units = layerConfig.units;
        if (!Number.isInteger(units) || (units as number) < 1)
          fail(`${field}.config.units`, `expected a whole number ≥ 1, got ${JSON.stringify(units)}`);
        stack.push({
          kind: 'dense',
          name,
          units: units as number,
          useBias: layerConfig.use_bias !== false,
          activation: kerasActivation(layerConfig.activation, what, `${field}.config.activation`, fail),
          activationFrom: what,
        });
        return;
      }
      case 'Activation':
        setActivation(kerasActivation(layerConfig.activation, what, `${field}.config.activation`, fail));
        return;
      case 'LeakyReLU':
        setActivation({ name: 'leaky-relu', options: { alpha: numberOr(layerConfig.alpha, 0.3) } });
        return;
      case 'ELU':
        setActivation({ name: 'elu', options: { alpha: numberOr(layerConfig.alpha, 1) } });
        return;
      default:
        fail(field, `${what} has no deltanet form; layers that import: ${importable}`);
    }
  });
  const dense = stack.filter((entry): entry is DenseLayer => entry.kind === 'dense');
  if (dense.length === 0) fail('modelTopology.config.layers', 'no Dense layer');
  const after = stack[stack.length - 1]!;
  if (after.kind !== 'dense') {
    fail(
      'modelTopology.config.layers',
      `${after.what} comes after the last Dense layer; a deltanet network ends with its output Dense layer`,
    );
  }

  const tensors = readWeights(doc.weightsManifest, weights, fail);
  const take = (name: string, shape: readonly number[]) => {
    const tensor =
      tensors.get(name) ??
      fail('weightsManifest', `no weight "${name}"; the manifest lists ${[...tensors.keys()].join(', ')}`);
    if (tensor.shape.join(',') !== shape.join(',')) {
      fail('weightsManifest', `weight "${name}" has shape [${tensor.shape}], expected [${shape}]`);
    }
    return tensor.values;
  };
  const inputs =
    tensors.get(`${dense[0]!.name}/kernel`)?.shape[0] ??
    fail('weightsManifest', `no weight "${dense[0]!.name}/kernel"`);
  const outputActivation = dense[dense.length - 1]!.activation;
  const loss = options.loss ?? defaultLoss(outputActivation);
  const net = createNetwork(
    checkSpec({
      layers: [inputs, ...stack.map(specEntry)],
      activation: dense.slice(0, -1).map((d) => d.activation),
      outputActivation,
      loss,
      dtype: options.dtype ?? 'float64',
    }),
  );
  const params = new Float64Array(net.params.length);
  const state = new Float64Array(net.state.length);
  let width = inputs;
  stack.forEach((entry, p) => {
    const { paramOffsets, stateOffsets } = net.stack[p]!;
    if (entry.kind === 'dense') {
      const kernel = take(`${entry.name}/kernel`, [width, entry.units]);
      const bias = entry.useBias ? take(`${entry.name}/bias`, [entry.units]) : new Float32Array(entry.units);
      // Θ(l)[i, 0] = bias[i]; Θ(l)[i, j + 1] = kernel[j][i].
      let at = paramOffsets[0]!;
      for (let i = 0; i < entry.units; i++) {
        params[at++] = bias[i]!;
        for (let j = 0; j < width; j++) params[at++] = kernel[j * entry.units + i]!;
      }
      width = entry.units;
    } else if (entry.kind === 'batch-norm') {
      // Blocks in the built-in batch-norm's order: γ, β; running mean, running variance.
      const vector = (weight: string, absent: number) => {
        const present = weight === 'gamma' ? entry.scale : weight === 'beta' ? entry.center : true;
        return present ? take(`${entry.name}/${weight}`, [width]) : new Float32Array(width).fill(absent);
      };
      params.set(vector('gamma', 1), paramOffsets[0]);
      params.set(vector('beta', 0), paramOffsets[1]);
      state.set(vector('moving_mean', 0), stateOffsets[0]);
      state.set(vector('moving_variance', 1), stateOffsets[1]);
    }
  });
  net.setParams(params);
  net.setState(state);
  return net;
}

/** A stack entry as a spec names it: a Dense as its units, the others by name and options. */
function specEntry(entry: DenseLayer | OtherLayer): UncheckedLayeredNetworkSpec['layers'][number] {
  if (entry.kind === 'dense') return entry.units;
  if (entry.kind === 'dropout') return { name: 'dropout', options: { rate: entry.rate } };
  return { name: 'batch-norm', options: { momentum: entry.momentum, epsilon: entry.epsilon } };
}

function kerasActivation(
  value: unknown,
  what: string,
  field: string,
  fail: (f: string, m: string) => never,
): PluginRef {
  const name = value === undefined || value === null ? 'linear' : value;
  if (typeof name === 'string' && Object.hasOwn(activationNames, name)) return activationNames[name]!;
  const hint =
    name === 'gelu'
      ? " (deltanet's gelu is the tanh approximation, Keras' gelu_new; Keras' gelu is the exact erf form)"
      : '';
  return fail(
    field,
    `${what}: activation ${JSON.stringify(name)} has no deltanet plugin${hint}; activations that import: ${Object.keys(activationNames).join(', ')}`,
  );
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
