// TensorFlow.js LayersModel export: a Sequential model of Dense layers whose kernel is Θ(l)[:, 1:]ᵀ
// (s(l) × s(l+1)) and bias Θ(l)[:, 0], with Dropout and BatchNormalization layers where the stack
// has them, in model.json plus one little-endian float32 weights file.
import type { Network } from '@deltanet/backprop';
import { InvalidArgumentError } from '@deltanet/contract';
import { translationOf } from './builtin-activations';
import { stackSteps } from './internal/stack-steps';

/** The model.json of a TensorFlow.js LayersModel (the fields `tf.loadLayersModel` reads). */
export interface LayersModelJson {
  /** Always `'layers-model'`. */
  readonly format: 'layers-model';
  /** The producer's name: `'deltanet'`. */
  readonly generatedBy: string;
  /** Always null: written directly, not by a converter. */
  readonly convertedBy: null;
  /** The Keras topology: a Sequential model of the layers in order. */
  readonly modelTopology: {
    /** Always `'Sequential'`. */
    readonly class_name: 'Sequential';
    /** The model's name (`'deltanet'`) and its layers. */
    readonly config: {
      /** The model's name, `'deltanet'`. */
      readonly name: string;
      /** Dense layers `dense_1`…, each maybe followed by an activation layer, and `dropout_k`, `batch_normalization_k` where the stack has them, inputs first. */
      readonly layers: readonly KerasLayer[];
    };
    /** The Keras version the topology follows, `'tfjs-layers 4.22.0'`. */
    readonly keras_version: string;
    /** `'tensor_flow.js'`. */
    readonly backend: string;
  };
  /** One group: the weights file and its tensors in file order. */
  readonly weightsManifest: readonly {
    /** The weights file's path relative to model.json (the `weightsPath` option). */
    readonly paths: readonly string[];
    /** Each tensor in file order, layer by layer: `dense_l/kernel`, `dense_l/bias`; `batch_normalization_k/gamma`, `/beta`, `/moving_mean`, `/moving_variance`. */
    readonly weights: readonly {
      /** `dense_l/kernel`, `dense_l/bias` (l from 1), or a batch normalization's `…/gamma` and so on. */
      readonly name: string;
      /** [s(l), s(l+1)] for a kernel, [s(l+1)] for a bias, [units] for batch normalization's vectors. */
      readonly shape: readonly number[];
      /** Always `'float32'`. */
      readonly dtype: 'float32';
    }[];
  }[];
  /** deltanet's own fields, kept and ignored by TensorFlow.js: class and feature names, normalization. */
  readonly userDefinedMetadata?: { readonly [key: string]: unknown };
}

/** One layer of a Keras topology: its class and config. */
export interface KerasLayer {
  /** The Keras layer class, e.g. `'Dense'` or `'LeakyReLU'`. */
  readonly class_name: string;
  /** The layer's Keras config: name, units, activation, … as that class takes them. */
  readonly config: { readonly [key: string]: unknown };
}

/** What `exportTfjs` returns: model.json's content and the weights file's bytes. */
export interface TfjsArtifacts {
  /** model.json's content, to write with `JSON.stringify`. */
  readonly modelJson: LayersModelJson;
  /** The weights file: the manifest's tensors in its order, as little-endian float32. */
  readonly weights: Uint8Array;
}

/** Options of `exportTfjs`. */
export interface TfjsExportOptions {
  /** The weights file's name as model.json refers to it (beside model.json). Default `weights.bin`. */
  readonly weightsPath?: string;
  /** Stored in `userDefinedMetadata.classNames` (TensorFlow.js keeps and ignores it). */
  readonly classNames?: readonly string[];
  /** Stored in `userDefinedMetadata.featureNames`. */
  readonly featureNames?: readonly string[];
  /** The inputs' standardization, stored in `userDefinedMetadata.normalization`: the layers expect standardized inputs. */
  readonly normalization?: {
    /** Per-feature mean μⱼ, length n. */
    readonly mean: readonly number[];
    /** Per-feature standard deviation σⱼ, length n. */
    readonly std: readonly number[];
  };
}

/**
 * The network as a TensorFlow.js LayersModel: layer l is `Dense(units: s(l+1))` with kernel
 * Θ(l)[:, 1:]ᵀ and bias Θ(l)[:, 0], its activation by Keras name; leaky ReLU becomes a linear
 * Dense followed by a `LeakyReLU` layer. A dropout layer is `Dropout(rate)`; batch-norm is
 * `BatchNormalization` with gamma γ, beta β, moving_mean and moving_variance the running
 * statistics, and the same momentum and ε (Keras's momentum means what ours does). TensorFlow.js
 * weights are float32, so a float64 network's values are rounded once. Throws an
 * InvalidArgumentError naming any activation with no form TensorFlow.js loads (third-party
 * plugins, gelu, swish with β ≠ 1, elu with α ≠ 1) and any third-party layer.
 *
 * @example
 * const { modelJson, weights } = exportTfjs(net);
 * // write JSON.stringify(modelJson) to model.json and weights to weights.bin, then:
 * const model = await tf.loadLayersModel('http://localhost:8080/model.json');
 */
export function exportTfjs(net: Network, options: TfjsExportOptions = {}): TfjsArtifacts {
  const kerasActivations = net.activations.map((plugin) => {
    const { translation, options: pluginOptions } = translationOf(plugin, 'TensorFlow.js');
    const keras = translation.keras(pluginOptions);
    if (typeof keras === 'string') {
      throw new InvalidArgumentError(`cannot export activation "${plugin.name}" to TensorFlow.js: ${keras}`);
    }
    return keras;
  });
  const layers: KerasLayer[] = [];
  const specs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  const values: number[] = [];
  const inputShape = (position: number) => position === 0 && { batch_input_shape: [null, net.layers[0]!] };
  stackSteps(net, 'TensorFlow.js').forEach((step, position) => {
    if (step.kind === 'layer') {
      const { name } = step.values;
      const keras = step.translation.keras(step.values);
      layers.push({
        class_name: keras.className,
        config: { name, ...keras.config, trainable: true, dtype: 'float32', ...inputShape(position) },
      });
      for (const weight of keras.weights) {
        values.push(...Array.from(weight.values));
        specs.push({ name: `${name}/${weight.name}`, shape: [weight.values.length], dtype: 'float32' });
      }
      return;
    }
    const { rows, cols, data } = step.theta;
    const name = `dense_${step.dense + 1}`;
    const keras = kerasActivations[step.dense]!;
    layers.push({
      class_name: 'Dense',
      config: {
        name,
        units: rows,
        activation: keras.activation,
        use_bias: true,
        trainable: true,
        dtype: 'float32',
        ...inputShape(position),
      },
    });
    if (keras.after) {
      layers.push({
        class_name: keras.after.className,
        config: { ...keras.after.config, name: `${name}_activation`, trainable: true },
      });
    }
    // Kernel [s(l), s(l+1)] row-major: kernel[j][i] = Θ(l)[i, j + 1].
    for (let j = 0; j < cols - 1; j++) {
      for (let i = 0; i < rows; i++) values.push(data[i * cols + j + 1]!);
    }
    for (let i = 0; i < rows; i++) values.push(data[i * cols]!);
    specs.push({ name: `${name}/kernel`, shape: [cols - 1, rows], dtype: 'float32' });
    specs.push({ name: `${name}/bias`, shape: [rows], dtype: 'float32' });
  });
  const metadata =
    options.classNames || options.featureNames || options.normalization
      ? {
          ...(options.classNames && { classNames: [...options.classNames] }),
          ...(options.featureNames && { featureNames: [...options.featureNames] }),
          ...(options.normalization && {
            normalization: { mean: [...options.normalization.mean], std: [...options.normalization.std] },
          }),
        }
      : undefined;
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return {
    modelJson: {
      format: 'layers-model',
      generatedBy: 'deltanet',
      convertedBy: null,
      modelTopology: {
        class_name: 'Sequential',
        config: { name: 'deltanet', layers },
        keras_version: 'tfjs-layers 4.22.0',
        backend: 'tensor_flow.js',
      },
      weightsManifest: [{ paths: [options.weightsPath ?? 'weights.bin'], weights: specs }],
      ...(metadata && { userDefinedMetadata: metadata }),
    },
    weights: bytes,
  };
}
