// The built-in activations interop can translate, each with its formula written out once more
// (the plugin is checked against it before anything is exported), its ONNX nodes, and its Keras
// (TensorFlow.js) form.
import type { ActivationPlugin } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { zeros } from '@deltanet/tensor';
import type { OnnxGraph } from './internal/onnx-graph';

/** How a Keras Dense layer with this activation is written: its `activation`, plus a layer after it. */
export interface KerasActivation {
  /** The Dense layer's Keras activation name, e.g. `'relu'` (`'linear'` when a layer after applies it). */
  readonly activation: string;
  /** A layer applying the activation after a linear Dense (leaky ReLU); undefined when none is needed. */
  readonly after?: {
    /** Its Keras class, e.g. `'LeakyReLU'`. */
    readonly className: string;
    /** Its numeric config, e.g. `{ alpha: 0.01 }`. */
    readonly config: Record<string, number>;
  };
}

/** One translatable activation. */
interface Translation {
  /** g(z) for one number with the plugin's options (unset for row-wise softmax). */
  readonly scalar?: (z: number, options: Options) => number;
  /** Appends the nodes computing g(x) to `graph` and returns the output's name. */
  readonly onnx: (graph: OnnxGraph, x: string, options: Options) => string;
  /** The Keras form, or why there is none. */
  readonly keras: (options: Options) => KerasActivation | string;
}

type Options = Readonly<Record<string, number>>;

const sigma = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const GELU_C = 0.044715;
const GELU_K = 2 * Math.sqrt(2 / Math.PI);

// ONNX attributes are float32, so α and β are never attributes: a float64 model needs them as
// float64 constants. Every composition below is exact where the plugin branches (z ≤ 0 vs z > 0).
const translations: Record<string, Translation> = {
  sigmoid: {
    scalar: (z) => sigma(z),
    onnx: (g, x) => g.node('Sigmoid', [x], 'sigmoid'),
    keras: () => ({ activation: 'sigmoid' }),
  },
  tanh: {
    scalar: (z) => Math.tanh(z),
    onnx: (g, x) => g.node('Tanh', [x], 'tanh'),
    keras: () => ({ activation: 'tanh' }),
  },
  relu: {
    scalar: (z) => Math.max(0, z),
    onnx: (g, x) => g.node('Relu', [x], 'relu'),
    keras: () => ({ activation: 'relu' }),
  },
  'leaky-relu': {
    // z > 0: z + α·0 = z;  z ≤ 0: 0 + α·z.
    scalar: (z, { alpha }) => (z > 0 ? z : alpha! * z),
    onnx: (g, x, { alpha }) => {
      const zero = g.scalar(0);
      const positive = g.node('Max', [x, zero], 'leaky_pos');
      const negative = g.node('Mul', [g.node('Min', [x, zero], 'leaky_min'), g.scalar(alpha!)], 'leaky_neg');
      return g.node('Add', [positive, negative], 'leaky_relu');
    },
    keras: ({ alpha }) => ({
      activation: 'linear',
      after: { className: 'LeakyReLU', config: { alpha: alpha! } },
    }),
  },
  elu: {
    // max(z, 0) + α(e^min(z, 0) − 1): e^z is never taken of a positive z, so nothing overflows.
    scalar: (z, { alpha }) => (z > 0 ? z : alpha! * Math.expm1(z)),
    onnx: (g, x, { alpha }) => {
      const zero = g.scalar(0);
      const positive = g.node('Max', [x, zero], 'elu_pos');
      const e = g.node('Exp', [g.node('Min', [x, zero], 'elu_min')], 'elu_exp');
      const negative = g.node(
        'Mul',
        [g.node('Sub', [e, g.scalar(1)], 'elu_em1'), g.scalar(alpha!)],
        'elu_neg',
      );
      return g.node('Add', [positive, negative], 'elu');
    },
    // tfjs-layers' ELU layer refuses α ≠ 1 ("not supported yet"), so only α = 1 exports.
    keras: ({ alpha }) =>
      alpha === 1
        ? { activation: 'elu' }
        : `TensorFlow.js has ELU with α = 1 only (this network's elu has α = ${alpha})`,
  },
  softplus: {
    // ln(1 + e^−|z|) + max(z, 0), the plugin's overflow-free form.
    scalar: (z) => Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0),
    onnx: (g, x) => {
      const tail = g.node(
        'Exp',
        [g.node('Neg', [g.node('Abs', [x], 'softplus_abs')], 'softplus_neg')],
        'softplus_exp',
      );
      const log = g.node('Log', [g.node('Add', [tail, g.scalar(1)], 'softplus_1p')], 'softplus_log');
      return g.node('Add', [log, g.node('Relu', [x], 'softplus_relu')], 'softplus');
    },
    keras: () => ({ activation: 'softplus' }),
  },
  swish: {
    scalar: (z, { beta }) => z * sigma(beta! * z),
    onnx: (g, x, { beta }) => timesSigmoid(g, x, g.node('Mul', [x, g.scalar(beta!)], 'swish_bz'), 'swish'),
    keras: ({ beta }) =>
      beta === 1
        ? { activation: 'swish' }
        : `TensorFlow.js has swish with β = 1 only (this network's swish has β = ${beta})`,
  },
  gelu: {
    // z·σ(k(z + c·z³)) = ½z(1 + tanh(√(2/π)(z + c·z³))), k = 2√(2/π). ONNX's Gelu (opset 20)
    // is newer than the opset used here, so the tanh form is composed from primitives.
    scalar: (z) => z * sigma(GELU_K * (z + GELU_C * z * z * z)),
    onnx: (g, x) => {
      const cube = g.node('Mul', [g.node('Mul', [x, x], 'gelu_z2'), x], 'gelu_z3');
      const inner = g.node('Add', [x, g.node('Mul', [cube, g.scalar(GELU_C)], 'gelu_cz3')], 'gelu_inner');
      return timesSigmoid(g, x, g.node('Mul', [inner, g.scalar(GELU_K)], 'gelu_u'), 'gelu');
    },
    // tfjs-layers 4.22 registers the tanh GELU as "gelu_new" but renames the string to "geluNew"
    // when it reads model.json, and then does not know it; its "gelu" is the erf form.
    keras: () =>
      'TensorFlow.js cannot load its tanh-approximated GELU (gelu_new) from model.json, and its gelu is the exact erf form, a different function',
  },
  softmax: {
    onnx: (g, x) => g.node('Softmax', [x], 'softmax', { axis: { int: -1 } }),
    keras: () => ({ activation: 'softmax' }),
  },
  linear: {
    scalar: (z) => z,
    onnx: (_g, x) => x,
    keras: () => ({ activation: 'linear' }),
  },
};

/**
 * x·σ(u) as x / (1 + e^−u). Not Mul(x, Sigmoid(u)): ONNX Runtime's optimizer fuses that pattern
 * into its QuickGelu kernel, which has no double version, so a float64 model would not load.
 * When e^−u overflows, x / ∞ = ±0, where the exact value is below 1e-37 in magnitude.
 */
function timesSigmoid(g: OnnxGraph, x: string, u: string, prefix: string): string {
  const e = g.node('Exp', [g.node('Neg', [u], `${prefix}_neg`)], `${prefix}_exp`);
  return g.node('Div', [x, g.node('Add', [e, g.scalar(1)], `${prefix}_denominator`)], prefix);
}

/** The activations interop translates, by name. */
export const translatableActivations: readonly string[] = Object.freeze(Object.keys(translations));

// Inputs across both branches, the kinks, and the saturated tails.
const probes = [-40, -7.5, -2, -1, -0.25, 0, 1e-3, 0.5, 1, 3, 12.5, 40];

/**
 * The translation of `plugin` after checking that it computes the formula of the built-in of
 * its name; a third-party plugin (or one that only borrows a built-in's name) gets an error
 * naming it, because its formula has no ONNX or Keras form here.
 */
export function translationOf(
  plugin: ActivationPlugin,
  target: string,
): { translation: Translation; options: Options } {
  const translation = Object.hasOwn(translations, plugin.name) ? translations[plugin.name] : undefined;
  if (!translation) {
    throw new InvalidArgumentError(
      `cannot export activation "${plugin.name}" to ${target}: it is not a built-in activation, and a third-party plugin's formula has no ${target} form; translatable activations: ${translatableActivations.join(', ')}`,
    );
  }
  const options = numericOptions(plugin, target);
  if (!computesFormula(plugin, translation, options)) {
    throw new InvalidArgumentError(
      `cannot export activation "${plugin.name}" to ${target}: its outputs differ from the built-in "${plugin.name}" formula, so it is a different plugin under the same name`,
    );
  }
  return { translation, options };
}

function numericOptions(plugin: ActivationPlugin, target: string): Options {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(plugin.options ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidArgumentError(
        `cannot export activation "${plugin.name}" to ${target}: option ${key} must be a finite number, got ${JSON.stringify(value)}`,
      );
    }
    out[key] = value;
  }
  return out;
}

function computesFormula(plugin: ActivationPlugin, translation: Translation, options: Options): boolean {
  const z = zeros(1, probes.length, 'float64');
  z.data.set(probes);
  const a = zeros(1, probes.length, 'float64');
  plugin.forward(z, a);
  const expected = translation.scalar
    ? probes.map((v) => translation.scalar!(v, options))
    : softmaxRow(probes);
  return expected.every((e, i) => Math.abs(a.data[i]! - e) <= 1e-12 * Math.max(1, Math.abs(e)));
}

function softmaxRow(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}
