// The backprop step-through: every quantity of one forward and backward pass, by layer, in
// the course's numbering — z(l), a(l) with its bias unit, g'(z(l)), δ(l), Δ(l) and D(l).
import type { Matrix } from '@deltanet/contract';
import { allocate, matrix, toRows } from '@deltanet/tensor';
import { checkedBatch } from './internal/data';
import type { Network } from './network';
import type { PropagationModel } from './propagate';
import { backward, costOf, forward } from './propagate';

/** Layer l's units for the traced examples (rows are examples). */
export interface LayerTrace {
  /** l, 1-based: layer 1 is the input. */
  readonly layer: number;
  /** z(l) = [1, a(l−1)]·Θ(l−1)ᵀ; absent for the input layer. */
  readonly z?: number[][];
  /** a(l) without the bias unit a0 = 1 (which every layer but the output has). */
  readonly a: number[][];
  /** g'(z(l)) for elementwise activations; absent for the input and for row-wise g (softmax). */
  readonly gPrime?: number[][];
  /** δ(l); absent for the input layer (it has no error term). */
  readonly delta?: number[][];
}

/** Θ(l)'s gradient pieces: Δ(l) = Σᵢ δ(l+1)ᵢ [1, a(l)ᵢ]ᵀ and D(l) = Δ(l)/m + (λ/m)·∂R/∂Θ. */
export interface WeightTrace {
  /** l, 1-based: Θ(1) maps layer 1 (the input) to layer 2. */
  readonly layer: number;
  /** Θ(l), s(l+1) × (s(l)+1), bias weights in column 0. */
  readonly theta: number[][];
  /** Δ(l) = Σᵢ δ(l+1)ᵢ [1, a(l)ᵢ]ᵀ over the traced examples, shaped like Θ(l); no λ term. */
  readonly Delta: number[][];
  /** D(l) = Δ(l)/m + (λ/m)·∂R/∂Θ(l), the gradient of J, shaped like Θ(l). */
  readonly D: number[][];
}

/** A non-dense layer's part of the step (dropout, batch-norm, …), in the stack's terms. */
export interface StackLayerTrace {
  /** Its index in the spec's `layers` (the input is 0). */
  readonly index: number;
  /** Its kind (the plugin's name). */
  readonly kind: string;
  /** Its input for the traced examples: the output of the layer below it (a(l) or another layer's). */
  readonly input: number[][];
  /** Its output for the traced examples (train mode without random draws: dropout passes through). */
  readonly output: number[][];
  /**
   * What its forward pass saved for backward, named where the layer names them (`BuiltLayer.savedNames`;
   * otherwise `saved[k]`): batch-norm's x̂ and 1/√(σ² + ε) (in row 0), dropout's mask.
   */
  readonly saved: readonly {
    /** The matrix's name (`'x̂'`). */
    readonly name: string;
    /** Its value for the traced examples. */
    readonly value: number[][];
  }[];
  /** ∂(Σᵢ ℓᵢ)/∂output, what backpropagation brought down to it. */
  readonly outputGradient: number[][];
  /** ∂(Σᵢ ℓᵢ)/∂input, what it passes down (to a(l), before the activation's g'(z(l)) is applied). */
  readonly inputGradient: number[][];
  /** Each parameter block with its value and D (the gradient of J). */
  readonly parameters: readonly {
    /** The block's name (`'γ'`). */
    readonly name: string;
    /** Its current value. */
    readonly value: number[][];
    /** D, the gradient of J (penalty included), shaped like the block. */
    readonly D: number[][];
  }[];
}

/** A whole step, ready to be shown right to left. */
export interface BackpropTrace {
  /** m, the number of traced examples. */
  readonly m: number;
  /** λ, the network's regularization strength. */
  readonly lambda: number;
  /** J over the traced examples, regularization included. */
  readonly cost: number;
  /** Layers 1…L in order, the input first. */
  readonly units: readonly LayerTrace[];
  /** Θ(1)…Θ(L−1) with their Δ and D, in order. */
  readonly weights: readonly WeightTrace[];
  /** The non-dense layers, in stack order (empty for an all-dense network). */
  readonly layers: readonly StackLayerTrace[];
}

/**
 * Runs one forward and backward pass on x (one or more examples) with the network's own
 * kernels and returns every intermediate value.
 *
 * @example
 * const trace = traceBackprop(net, rowSlice(x, 0, 1), rowSlice(y, 0, 1));
 * trace.units[2].delta; // δ(3) = a(3) − y for sigmoid + cross-entropy
 */
export function traceBackprop(net: Network, x: Matrix, y: Matrix): BackpropTrace {
  const { x: input, y: target } = checkedBatch(net.layers, net.dtype, { x, y });
  const m = input.rows;
  const ws = net.workspace(m);
  const gradient = net.params.slice(0).fill(0);
  // Train mode without random draws, as a gradient check runs (dropout passes through); the
  // state batch-norm updates in train mode is put back, so tracing leaves the network as it was.
  const context = net.contexts.check;
  const state = net.state.slice();
  forward(net, input, ws, context);
  const cost = costOf(net, ws, target);
  // Δ is D without its λ term, times m: the same backward pass with λ = 0.
  const unregularized: PropagationModel = {
    layers: net.layers,
    layout: net.layout,
    params: net.params,
    thetas: net.thetas,
    activations: net.activations,
    loss: net.loss,
    regularizer: net.regularizer,
    lambda: 0,
    backend: net.backend,
    outputDelta: net.outputDelta,
    outputCost: net.outputCost,
    stack: net.stack,
    layerParams: net.layerParams,
    layerState: net.layerState,
    between: net.between,
    contexts: net.contexts,
  };
  backward(unregularized, input, target, ws, gradient, ws.rows, context);
  const Delta = Float64Array.from(gradient, (v) => v * m);
  backward(net, input, target, ws, gradient, ws.rows, context);
  net.state.set(state);
  const D = Float64Array.from(gradient);

  const units: LayerTrace[] = [{ layer: 1, a: toRows(input) }];
  ws.z.forEach((z, l) => {
    const activation = net.activations[l]!;
    const a = ws.a[l]!;
    const derivative = activation.derivative;
    units.push({
      layer: l + 2,
      z: toRows(z),
      a: toRows(a),
      ...(derivative && {
        gPrime: toRows({ ...z, data: z.data.map((value, i) => derivative(value, a.data[i]!)) }),
      }),
      delta: toRows(ws.delta[l]!),
    });
  });
  const weights = net.layout.map(({ offset, rows, cols }, l) => {
    const block = (values: Float64Array) =>
      toRows(matrix(rows, cols, values.slice(offset, offset + rows * cols)));
    return { layer: l + 1, theta: toRows(net.thetas[l]!), Delta: block(Delta), D: block(D) };
  });
  const layers = net.stack.flatMap((layer, p): StackLayerTrace[] => {
    const buffers = ws.layers[p];
    if (layer.dense !== undefined || !buffers) return [];
    const parameters = layer.built.parameters.map((block, b) => ({
      name: block.name,
      value: toRows(net.layerParams[p]![b]!),
      D: toRows(
        matrix(
          block.rows,
          block.cols,
          D.slice(layer.paramOffsets[b]!, layer.paramOffsets[b]! + block.rows * block.cols),
        ),
      ),
    }));
    const { pass } = buffers;
    // The network writes the lowest layer's input gradient into δ(l) and multiplies it by g'(z(l))
    // there; a second backward call on the same pass (nothing it reads has changed) gives it whole.
    const inputGradient = matrix(m, pass.input.cols, allocate(net.dtype, m * pass.input.cols));
    const scratch = layer.built.parameters.map((block) =>
      matrix(block.rows, block.cols, allocate(net.dtype, block.rows * block.cols)),
    );
    layer.built.backward(context, pass, buffers.outputGradient, net.layerParams[p]!, scratch, inputGradient);
    return [
      {
        index: layer.index,
        kind: layer.plugin.name,
        input: toRows(pass.input),
        output: toRows(pass.output),
        saved: pass.saved.map((value, k) => ({
          name: layer.built.savedNames?.[k] ?? `saved[${k}]`,
          value: toRows(value),
        })),
        outputGradient: toRows(buffers.outputGradient),
        inputGradient: toRows(inputGradient),
        parameters,
      },
    ];
  });
  return { m, lambda: net.lambda, cost, units, weights, layers };
}
