// TensorFlow.js LayersModel import: a Sequential model of Dense layers (with activation layers
// after them) becomes a deltanet network with Θ(l) = [bias, kernelᵀ].
import type { Network } from '@deltanet/backprop';
import { checkSpec, createNetwork } from '@deltanet/backprop';
import type { DType, PluginRef } from '@deltanet/contract';
import { FormatError } from '@deltanet/contract';
import { defaultLoss } from './internal/default-loss';

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
  name: string;
  units: number;
  useBias: boolean;
  activation: PluginRef;
  /** The layer whose activation this is, for error messages. */
  activationFrom: string;
}

/**
 * Builds a deltanet network from a TensorFlow.js LayersModel: `modelJson` is model.json's parsed
 * content (tfjs-layers' own or tensorflowjs_converter's Keras form) and `weights` the bytes of
 * its weight files, concatenated in the manifest's order. Accepted layers: InputLayer, Dense,
 * Dropout (the identity when predicting), and after a linear Dense an Activation, LeakyReLU or
 * ELU layer. Anything else throws a FormatError naming the layer and its class.
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

  const dense: DenseLayer[] = [];
  (rawLayers as unknown[]).forEach((raw, index) => {
    const field = `modelTopology.config.layers[${index}]`;
    const layer = asRecord(raw) ?? fail(field, 'expected an object');
    const layerConfig = asRecord(layer.config) ?? fail(`${field}.config`, 'expected an object');
    const className = String(layer.class_name);
    const name = typeof layerConfig.name === 'string' ? layerConfig.name : `#${index}`;
    const what = `layer "${name}" (${className})`;
    const last = dense[dense.length - 1];
    const setActivation = (activation: PluginRef) => {
      if (!last) fail(field, `${what} comes before any Dense layer`);
      if (last!.activation !== 'linear') {
        fail(
          field,
          `${what} follows Dense layer "${last!.name}", which already applies ${JSON.stringify(last!.activation)}`,
        );
      }
      last!.activation = activation;
      last!.activationFrom = what;
    };
    switch (className) {
      case 'InputLayer':
      case 'Dropout':
        return;
      case 'Dense': {
        const units = layerConfig.units;
        if (!Number.isInteger(units) || (units as number) < 1)
          fail(`${field}.config.units`, `expected a whole number ≥ 1, got ${JSON.stringify(units)}`);
        dense.push({
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
        fail(
          field,
          `${what} has no deltanet form; layers that import: InputLayer, Dense, Dropout, Activation, LeakyReLU, ELU`,
        );
    }
  });
  if (dense.length === 0) fail('modelTopology.config.layers', 'no Dense layer');

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
    dense[0] &&
    (tensors.get(`${dense[0].name}/kernel`)?.shape[0] ??
      fail('weightsManifest', `no weight "${dense[0].name}/kernel"`));
  const layers = [inputs as number, ...dense.map((d) => d.units)];
  const params: number[] = [];
  dense.forEach((d, l) => {
    const fanIn = layers[l]!;
    const kernel = take(`${d.name}/kernel`, [fanIn, d.units]);
    const bias = d.useBias ? take(`${d.name}/bias`, [d.units]) : new Float32Array(d.units);
    // Θ(l)[i, 0] = bias[i]; Θ(l)[i, j + 1] = kernel[j][i].
    for (let i = 0; i < d.units; i++) {
      params.push(bias[i]!);
      for (let j = 0; j < fanIn; j++) params.push(kernel[j * d.units + i]!);
    }
  });
  const outputActivation = dense[dense.length - 1]!.activation;
  const loss = options.loss ?? defaultLoss(outputActivation);
  const net = createNetwork(
    checkSpec({
      layers,
      activation: dense.slice(0, -1).map((d) => d.activation),
      outputActivation,
      loss,
      dtype: options.dtype ?? 'float64',
    }),
  );
  net.setParams(params);
  return net;
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

function readWeights(
  manifest: unknown,
  bytes: Uint8Array,
  fail: (f: string, m: string) => never,
): Map<string, { shape: number[]; values: Float32Array }> {
  if (!Array.isArray(manifest)) fail('weightsManifest', 'expected an array of weight groups');
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  (manifest as unknown[]).forEach((group, g) => {
    const specs = asRecord(group)?.weights;
    if (!Array.isArray(specs)) fail(`weightsManifest[${g}].weights`, 'expected an array');
    (specs as unknown[]).forEach((raw, w) => {
      const field = `weightsManifest[${g}].weights[${w}]`;
      const spec = asRecord(raw) ?? fail(field, 'expected an object');
      const name = String(spec.name);
      if (spec.quantization !== undefined)
        fail(field, `weight "${name}" is quantized; export it unquantized`);
      if (spec.dtype !== 'float32')
        fail(
          `${field}.dtype`,
          `weight "${name}" is ${JSON.stringify(spec.dtype)}; only float32 weights import`,
        );
      const shape = spec.shape;
      if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
        fail(`${field}.shape`, 'expected whole numbers');
      const count = (shape as number[]).reduce((a, b) => a * b, 1);
      if (offset + count * 4 > bytes.byteLength) {
        fail(
          field,
          `weight "${name}" ends at byte ${offset + count * 4}, but the weight data has ${bytes.byteLength} bytes`,
        );
      }
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = view.getFloat32(offset + 4 * i, true);
      offset += count * 4;
      out.set(name, { shape: shape as number[], values });
    });
  });
  if (offset !== bytes.byteLength)
    fail(
      'weightsManifest',
      `the manifest accounts for ${offset} bytes of weight data, got ${bytes.byteLength}`,
    );
  return out;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
