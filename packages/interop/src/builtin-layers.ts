// The built-in non-dense layers interop can translate (dropout, batch-norm), each with its
// inference formula written out once more (the plugin is checked against it before anything is
// exported), its ONNX nodes and its Keras (TensorFlow.js) layer.
import type { BackendPlugin, LayerPlugin, Matrix } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { zeros } from '@deltanet/tensor';
import type { OnnxGraph } from './internal/onnx-graph';

type Options = Readonly<Record<string, number>>;

/** One layer's values as the exporters see them: its options, parameter and state blocks. */
export interface LayerValues {
  /** The plugin's numeric options (`rate`; `momentum`, `epsilon`). */
  readonly options: Options;
  /** Its parameter blocks in order (batch-norm: γ, β; each 1 × n). */
  readonly params: readonly Matrix[];
  /** Its state blocks in order (batch-norm: running mean, running variance; each 1 × n). */
  readonly state: readonly Matrix[];
  /** A name for its ONNX values and Keras layer, unique in the model (`batch_normalization_1`). */
  readonly name: string;
}

/** A Keras layer and its weights in the order model.json's manifest lists them. */
export interface KerasLayerForm {
  /** The Keras class, `'Dropout'` or `'BatchNormalization'`. */
  readonly className: string;
  /** Its config besides name and batch_input_shape. */
  readonly config: Record<string, unknown>;
  /** Weight name suffixes (`gamma`, …) and values, in manifest order. */
  readonly weights: readonly { readonly name: string; readonly values: ArrayLike<number> }[];
}

/** One translatable layer. */
interface Translation {
  /** Its Keras class. */
  readonly kerasClass: string;
  /** The inference output for one row x, from its params and state (the formula written out again). */
  readonly inference: (x: readonly number[], values: Omit<LayerValues, 'name'>) => number[];
  /** Appends the nodes computing the layer at inference to `graph`; returns the output's name. */
  readonly onnx: (graph: OnnxGraph, x: string, values: LayerValues) => string;
  /** The Keras layer. */
  readonly keras: (values: LayerValues) => KerasLayerForm;
}

const translations: Record<string, Translation> = {
  dropout: {
    kerasClass: 'Dropout',
    inference: (x) => [...x],
    // Inverted dropout is the identity at inference, so the graph gets no node at all: an ONNX
    // Dropout would be the identity too, but it adds an operator every runtime must know (and a
    // double kernel for float64 models) for nothing. The rate stays in metadata_props' spec.
    onnx: (_graph, x) => x,
    keras: ({ options }) => ({
      className: 'Dropout',
      config: { rate: options.rate!, noise_shape: null, seed: null },
      weights: [],
    }),
  },
  'batch-norm': {
    kerasClass: 'BatchNormalization',
    inference: (x, { options, params: [gamma, beta], state: [mean, variance] }) =>
      x.map(
        (v, j) =>
          (gamma!.data[j]! * (v - mean!.data[j]!)) / Math.sqrt(variance!.data[j]! + options.epsilon!) +
          beta!.data[j]!,
      ),
    // ONNX's BatchNormalization computes (x − mean)/√(var + ε)·scale + B, our formula; but its ε is
    // a float32 attribute, so the difference ε − float32(ε) goes into the variance initializer:
    // var + (ε − ε₃₂) + ε₃₂ = var + ε up to one rounding, well within 1e-12 in double.
    onnx: (graph, x, { options, params: [gamma, beta], state: [mean, variance], name }) => {
      const { epsilon } = options;
      const epsilon32 = Math.fround(epsilon!);
      const n = gamma!.cols;
      const varianceInGraph = Array.from(variance!.data, (v) => v + (epsilon! - epsilon32));
      return graph.node(
        'BatchNormalization',
        [
          x,
          graph.tensor(`${name}_scale`, [n], gamma!.data),
          graph.tensor(`${name}_bias`, [n], beta!.data),
          graph.tensor(`${name}_mean`, [n], mean!.data),
          graph.tensor(`${name}_variance`, [n], varianceInGraph),
        ],
        name,
        { epsilon: { float: epsilon32 } },
      );
    },
    // Keras's momentum is ours (running ← momentum·running + (1 − momentum)·batch), so it is
    // written unchanged; PyTorch's momentum would be 1 − this.
    keras: ({ options, params: [gamma, beta], state: [mean, variance] }) => ({
      className: 'BatchNormalization',
      config: {
        axis: -1,
        momentum: options.momentum!,
        epsilon: options.epsilon!,
        center: true,
        scale: true,
      },
      weights: [
        { name: 'gamma', values: gamma!.data },
        { name: 'beta', values: beta!.data },
        { name: 'moving_mean', values: mean!.data },
        { name: 'moving_variance', values: variance!.data },
      ],
    }),
  },
};

/**
 * The non-dense layers interop translates, by name (dense layers, the spec's numbers, always do).
 *
 * @example
 * translatableLayers; // ['dropout', 'batch-norm']
 */
export const translatableLayers: readonly string[] = Object.freeze(Object.keys(translations));

/**
 * The translation of a non-dense layer after checking that the plugin computes, in inference
 * mode, the formula of the built-in of its name: a third-party layer (or one that only borrows a
 * built-in's name) gets an error naming it and its position, so a network is never exported as
 * if a layer it has were not there.
 */
export function layerTranslationOf(
  plugin: LayerPlugin,
  where: string,
  target: string,
  backend: BackendPlugin,
): { translation: Translation; options: Options } {
  const translation = Object.hasOwn(translations, plugin.name) ? translations[plugin.name] : undefined;
  const prefix = `cannot export ${where} (layer "${plugin.name}") to ${target}`;
  if (!translation) {
    throw new InvalidArgumentError(
      `${prefix}: it is not a built-in layer, and a third-party layer has no ${target} form; layers that translate: dense (the spec's numbers), ${translatableLayers.join(', ')}`,
    );
  }
  const options = numericOptions(plugin, prefix);
  if (!computesFormula(plugin, translation, options, backend)) {
    throw new InvalidArgumentError(
      `${prefix}: its inference outputs differ from the built-in "${plugin.name}" formula, so it is a different layer under the same name`,
    );
  }
  return { translation, options };
}

function numericOptions(plugin: LayerPlugin, prefix: string): Options {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(plugin.options ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidArgumentError(
        `${prefix}: option ${key} must be a finite number, got ${JSON.stringify(value)}`,
      );
    }
    out[key] = value;
  }
  return out;
}

// Probe rows across signs and scales; parameters and state filled with distinct positive values
// (a variance must be positive), so a layer that ignored any of them would be caught.
const probeRows = [
  [-3, 0.25, 2],
  [1.5, -0.75, 0],
];

function computesFormula(
  plugin: LayerPlugin,
  translation: Translation,
  options: Options,
  backend: BackendPlugin,
): boolean {
  const width = probeRows[0]!.length;
  let built: ReturnType<LayerPlugin['build']>;
  try {
    built = plugin.build({ inputUnits: width });
  } catch {
    return false;
  }
  if (built.outputUnits !== width) return false;
  const block = ({ rows, cols }: { rows: number; cols: number }, k: number) => {
    const m = zeros(rows, cols, 'float64');
    for (let i = 0; i < m.data.length; i++) m.data[i] = 0.5 + 0.375 * k + 0.25 * i;
    return m;
  };
  const params = built.parameters.map(block);
  const state = built.state.map((b, k) => block(b, k + params.length));
  const input = zeros(probeRows.length, width, 'float64');
  input.data.set(probeRows.flat());
  const output = zeros(probeRows.length, width, 'float64');
  const saved = built.saved.map((cols) => zeros(probeRows.length, cols, 'float64'));
  try {
    built.forward({ mode: 'inference', backend, random: undefined }, { input, output, saved }, params, state);
    return probeRows.every((row, i) =>
      translation.inference(row, { options, params, state }).every((e, j) => {
        const actual = output.data[i * width + j]!;
        return Math.abs(actual - e) <= 1e-12 * Math.max(1, Math.abs(e));
      }),
    );
  } catch {
    // A layer whose blocks are not the built-in's (a missing γ) fails here: not the built-in.
    return false;
  }
}
