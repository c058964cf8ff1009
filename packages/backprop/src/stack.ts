// The network's layer stack: each layer built for its width, its parameter blocks placed in
// the one flat `params` vector in stack order, its state in one flat `state` vector.
import type { BuiltLayer, FloatArray, LayerPlugin, Matrix, ParameterBlock } from '@deltanet/contract';
import { dense } from '@deltanet/layers';
import type { ThetaLayout } from './layout';
import type { ResolvedSpec } from './spec';

/** One layer of a network's stack, built and placed. */
export interface StackLayer {
  /** Its index in the spec's `layers` (1 for the first layer after the input). */
  readonly index: number;
  /** The plugin (`dense` for the spec's numbers). */
  readonly plugin: LayerPlugin;
  /** The built layer: widths, blocks and passes. */
  readonly built: BuiltLayer;
  /** Units coming in. */
  readonly inputUnits: number;
  /** Units going out. */
  readonly outputUnits: number;
  /** For dense layers, l of Θ(l+1) (0-based over the dense layers); undefined for the others. */
  readonly dense: number | undefined;
  /** Each parameter block's offset in `params`, in `built.parameters` order. */
  readonly paramOffsets: readonly number[];
  /** Each state block's offset in `state`, in `built.state` order. */
  readonly stateOffsets: readonly number[];
}

/** A spec's stack, placed: the layers, the dense Θ layout and the vector lengths. */
export interface PlacedStack {
  /** Every layer after the input, in order. */
  readonly layers: readonly StackLayer[];
  /** Θ(l) of every dense layer: its offset in `params` and shape. */
  readonly layout: readonly ThetaLayout[];
  /** Values in `params`. */
  readonly parameterCount: number;
  /** Values in `state`. */
  readonly stateCount: number;
  /** Every layer is dense: the network's fused all-dense passes apply. */
  readonly allDense: boolean;
}

/**
 * Builds every layer of the spec's stack in order. Parameter blocks follow each other in stack
 * order, so an all-dense stack has today's layout (Θ(1), Θ(2), … one after another).
 */
export function placeStack(spec: ResolvedSpec): PlacedStack {
  const layers: StackLayer[] = [];
  const layout: ThetaLayout[] = [];
  let width = spec.layers[0]!;
  let paramOffset = 0;
  let stateOffset = 0;
  let denseCount = 0;
  spec.stack.forEach((entry, index) => {
    if (index === 0) return;
    const isDense = typeof entry === 'number';
    const plugin = isDense ? dense : entry;
    const built = isDense
      ? dense.build({ inputUnits: width, outputUnits: entry, activation: spec.activations[denseCount]! })
      : entry.build({ inputUnits: width });
    const paramOffsets = built.parameters.map((block) => {
      const at = paramOffset;
      paramOffset += block.rows * block.cols;
      return at;
    });
    const stateOffsets = built.state.map((block) => {
      const at = stateOffset;
      stateOffset += block.rows * block.cols;
      return at;
    });
    if (isDense) {
      const theta = built.parameters[0]!;
      layout.push({ offset: paramOffsets[0]!, rows: theta.rows, cols: theta.cols });
    }
    layers.push({
      index,
      plugin,
      built,
      inputUnits: width,
      outputUnits: built.outputUnits,
      dense: isDense ? denseCount++ : undefined,
      paramOffsets,
      stateOffsets,
    });
    width = built.outputUnits;
  });
  return {
    layers,
    layout,
    parameterCount: paramOffset,
    stateCount: stateOffset,
    allDense: layers.every((layer) => layer.dense !== undefined),
  };
}

/** Views of a layer's blocks inside a flat vector (`params`, a gradient, or `state`). */
export function blockViews(
  blocks: readonly { readonly rows: number; readonly cols: number }[],
  offsets: readonly number[],
  data: FloatArray,
): Matrix[] {
  return blocks.map(({ rows, cols }, b) => ({
    rows,
    cols,
    data: data.subarray(offsets[b]!, offsets[b]! + rows * cols),
  }));
}

/** "layer 3 batch-norm γ[5]": a parameter entry named by stack index, kind and block. */
export function parameterName(layer: StackLayer, block: ParameterBlock, entry: number): string {
  return `layer ${layer.index} ${layer.plugin.name} ${block.name}[${entry}]`;
}

/** Which stack layer, block and entry a flat `params` index falls in. */
export function locateParameter(
  stack: readonly StackLayer[],
  index: number,
): { layer: StackLayer; block: number; entry: number } | undefined {
  for (const layer of stack) {
    for (let b = 0; b < layer.paramOffsets.length; b++) {
      const { rows, cols } = layer.built.parameters[b]!;
      const from = layer.paramOffsets[b]!;
      if (index >= from && index < from + rows * cols) return { layer, block: b, entry: index - from };
    }
  }
  return undefined;
}
