// A network's stack as the exporters walk it: dense layers with their Θ and activation, and the
// other layers with their translation, options, parameters and state.
import type { Network } from '@deltanet/backprop';
import type { ActivationPlugin, Matrix } from '@deltanet/contract';
import type { LayerValues } from '../builtin-layers';
import { layerTranslationOf } from '../builtin-layers';

/** One step of the stack, input side first. */
export type StackStep =
  | {
      readonly kind: 'dense';
      /** l of Θ(l+1), 0-based over the dense layers. */
      readonly dense: number;
      /** Θ(l+1): s(l+1) × (s(l)+1), bias in column 0. */
      readonly theta: Matrix;
      /** Its activation. */
      readonly activation: ActivationPlugin;
    }
  | {
      readonly kind: 'layer';
      /** The layer's translation (ONNX nodes, Keras layer). */
      readonly translation: ReturnType<typeof layerTranslationOf>['translation'];
      /** Its options, params, state and a unique name. */
      readonly values: LayerValues;
    };

/**
 * Every layer of `net`'s stack in order; non-dense layers checked to be built-ins interop
 * translates (else an InvalidArgumentError naming the layer and its index in the spec's layers).
 * Names of non-dense layers are `<keras prefix>_<k>`, k counting that kind from 1.
 */
export function stackSteps(net: Network, target: string): StackStep[] {
  const counts = new Map<string, number>();
  return net.stack.map((layer, p): StackStep => {
    if (layer.dense !== undefined) {
      return {
        kind: 'dense',
        dense: layer.dense,
        theta: net.thetas[layer.dense]!,
        activation: net.activations[layer.dense]!,
      };
    }
    const where = `spec.layers[${layer.index}]`;
    const { translation, options } = layerTranslationOf(layer.plugin, where, target, net.backend);
    const prefix = kerasPrefix(translation.kerasClass);
    const k = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, k);
    return {
      kind: 'layer',
      translation,
      values: { options, params: net.layerParams[p]!, state: net.layerState[p]!, name: `${prefix}_${k}` },
    };
  });
}

/** `BatchNormalization` → `batch_normalization`, as Keras names layers. */
function kerasPrefix(className: string): string {
  return className.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase();
}
