// TensorFlow.js LayersModel export: a Sequential model of Dense layers whose kernel is Θ(l)[:, 1:]ᵀ
// (s(l) × s(l+1)) and bias Θ(l)[:, 0], in model.json plus one little-endian float32 weights file.
import type { Network } from '@deltanet/backprop';
import { InvalidArgumentError } from '@deltanet/contract';
import { translationOf } from './builtin-activations';

/** The model.json of a TensorFlow.js LayersModel (the fields `tf.loadLayersModel` reads). */
export interface LayersModelJson {
  readonly format: 'layers-model';
  readonly generatedBy: string;
  readonly convertedBy: null;
  readonly modelTopology: {
    readonly class_name: 'Sequential';
    readonly config: { readonly name: string; readonly layers: readonly KerasLayer[] };
    readonly keras_version: string;
    readonly backend: string;
  };
  readonly weightsManifest: readonly {
    readonly paths: readonly string[];
    readonly weights: readonly {
      readonly name: string;
      readonly shape: readonly number[];
      readonly dtype: 'float32';
    }[];
  }[];
  /** deltanet's own fields, kept and ignored by TensorFlow.js: class and feature names, normalization. */
  readonly userDefinedMetadata?: { readonly [key: string]: unknown };
}

/** One layer of a Keras topology: its class and config. */
export interface KerasLayer {
  readonly class_name: string;
  readonly config: { readonly [key: string]: unknown };
}

/** What `exportTfjs` returns: model.json's content and the weights file's bytes. */
export interface TfjsArtifacts {
  readonly modelJson: LayersModelJson;
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
  readonly normalization?: { readonly mean: readonly number[]; readonly std: readonly number[] };
}

/**
 * The network as a TensorFlow.js LayersModel: layer l is `Dense(units: s(l+1))` with kernel
 * Θ(l)[:, 1:]ᵀ and bias Θ(l)[:, 0], its activation by Keras name; leaky ReLU becomes a linear
 * Dense followed by a `LeakyReLU` layer. TensorFlow.js weights are float32, so a float64
 * network's Θ is rounded once. Throws an InvalidArgumentError naming any activation with no
 * form TensorFlow.js loads: third-party plugins, gelu, swish with β ≠ 1, elu with α ≠ 1.
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
  const weights = new Float32Array(net.params.length);
  let offset = 0;
  net.thetas.forEach(({ rows, cols, data }, l) => {
    const name = `dense_${l + 1}`;
    const keras = kerasActivations[l]!;
    layers.push({
      class_name: 'Dense',
      config: {
        name,
        units: rows,
        activation: keras.activation,
        use_bias: true,
        trainable: true,
        dtype: 'float32',
        ...(l === 0 && { batch_input_shape: [null, cols - 1] }),
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
      for (let i = 0; i < rows; i++) weights[offset++] = data[i * cols + j + 1]!;
    }
    for (let i = 0; i < rows; i++) weights[offset++] = data[i * cols]!;
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
  const bytes = new Uint8Array(weights.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < weights.length; i++) view.setFloat32(i * 4, weights[i]!, true);
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
