// The vectorized passes, written once: forward z(l+1) = [1, a(l)]·Θ(l)ᵀ, a(l+1) = g(z(l+1));
// backward δ(L) = ∂ℓ/∂a(L) .* g'(z(L)), δ(l) = (δ(l+1)·Θ(l))[:, 1:] .* g'(z(l)),
// D(l) = Δ(l)/m + (λ/m)·∂R/∂Θ(l) with Δ(l) = δ(l+1)ᵀ·[1, a(l)]. Rows are examples.
import type {
  ActivationKernel,
  ActivationPlugin,
  CompleteBackend,
  FloatArray,
  LayerContext,
  LayerMode,
  LossPlugin,
  Matrix,
  RegularizerPlugin,
} from '@deltanet/contract';
import { activate, activateBackward } from '@deltanet/tensor';
import type { ThetaLayout } from './layout';
import { fusedDeltaFor } from './output-rules';
import type { StackLayer } from './stack';
import { blockViews } from './stack';
import type { Workspace } from './workspace';

/** What the passes need of a network; `Network` provides it. */
export interface PropagationModel {
  readonly layers: readonly number[];
  readonly layout: readonly ThetaLayout[];
  readonly params: FloatArray;
  readonly thetas: readonly Matrix[];
  readonly activations: readonly ActivationPlugin[];
  readonly loss: LossPlugin;
  readonly regularizer: RegularizerPlugin;
  readonly lambda: number;
  /** Runs every kernel of the passes: products, activations, column sums, h − y. */
  readonly backend: CompleteBackend;
  /** δ(L) from h and y: the loss's declared fused delta, or the general rule. */
  readonly outputDelta: (ws: Workspace, y: Matrix) => void;
  /** Σᵢ ℓ(hᵢ, yᵢ) from the workspace's z(L) and h = a(L): see `outputCostRule`. */
  readonly outputCost: (ws: Workspace, y: Matrix) => number;
  /**
   * Each layer's activation kernel, when every activation declares one and δ(L) is a declared
   * h − y: then a backend's `denseStep` may run a whole evaluation (see `denseKernels`).
   */
  readonly denseKernels?: readonly ActivationKernel[] | undefined;
  /** Every layer after the input, in order (dense and others). */
  readonly stack: readonly StackLayer[];
  /** Each stack layer's parameter blocks, views into `params`. */
  readonly layerParams: readonly (readonly Matrix[])[];
  /** Each stack layer's state blocks (batch-norm's running statistics). */
  readonly layerState: readonly (readonly Matrix[])[];
  /**
   * For each dense layer l, the positions in `stack` of the non-dense layers between it and the
   * dense layer (or input) below, bottom first: all empty for an all-dense network.
   */
  readonly between: readonly (readonly number[])[];
  /** The contexts passes run in: training, inference, and gradient checks (train mode, no random draws). */
  readonly contexts: Readonly<Record<LayerMode | 'check', LayerContext>>;
}

/**
 * Runs the forward pass of `x` (ws.rows × s(1)) into the workspace; returns h = a(L). Non-dense
 * layers run in the context's mode (default inference).
 */
export function forward(
  model: PropagationModel,
  x: Matrix,
  ws: Workspace,
  context: LayerContext = model.contexts.inference,
): Matrix {
  let input = x;
  for (let l = 0; l < model.layout.length; l++) {
    const between = model.between[l]!;
    if (between.length > 0) input = forwardLayers(model, between, input, ws, context);
    const { offset, rows: units, cols } = model.layout[l]!;
    const z = ws.z[l]!;
    // Θ(l) without its bias column is the sub-block at offset + 1 with row stride s(l) + 1.
    // z = a·Θᵀ: m = rows, n = s(l+1), k = s(l).
    // The bias goes in first and the product adds onto it (β = 1): one pass that writes z
    // instead of a second pass that reads and writes it.
    fillRowsWithBias(model.thetas[l]!, z);
    const g = fillGemm(ws, false, true, ws.rows, units, cols - 1, 1, 1);
    setOperands(g, input.data, 0, cols - 1, model.params, offset + 1, cols, z.data, 0, units);
    model.backend.gemm(g);
    activate(model.backend, model.activations[l]!, z, ws.a[l]!);
    input = ws.a[l]!;
  }
  return ws.a[model.layout.length - 1]!;
}

/** The non-dense layers at `positions` of the stack, bottom first, from `input`; returns the top one's output. */
function forwardLayers(
  model: PropagationModel,
  positions: readonly number[],
  input: Matrix,
  ws: Workspace,
  context: LayerContext,
): Matrix {
  let below = input;
  for (const p of positions) {
    const { pass } = ws.layers[p]!;
    pass.input = below;
    model.stack[p]!.built.forward(context, pass, model.layerParams[p]!, model.layerState[p]!);
    below = pass.output;
  }
  return below;
}

/**
 * Backpropagation through the non-dense layers at `positions`, top first, from the top one's
 * outputGradient down to `inputGradient` (undefined below the first layer: x needs none),
 * adding each penalized block's penalty gradient.
 */
function backwardLayers(
  model: PropagationModel,
  positions: readonly number[],
  ws: Workspace,
  gradient: FloatArray,
  inputGradient: Matrix | undefined,
  penaltyRows: number,
  context: LayerContext,
): void {
  const views = layerGradientViews(model, ws, gradient);
  for (let k = positions.length - 1; k >= 0; k--) {
    const p = positions[k]!;
    const buffers = ws.layers[p]!;
    const below = k > 0 ? ws.layers[positions[k - 1]!]!.outputGradient : inputGradient;
    const { built } = model.stack[p]!;
    built.backward(context, buffers.pass, buffers.outputGradient, model.layerParams[p]!, views[p]!, below);
    if (model.lambda === 0) continue;
    built.parameters.forEach((block, b) => {
      if (block.penalized) {
        const scale = model.lambda / penaltyRows;
        model.regularizer.accumulateGradient(
          model.layerParams[p]![b]!,
          scale,
          views[p]![b]!,
          block.penalized,
        );
      }
    });
  }
}

/**
 * J = (1/m) Σᵢ ℓ(hᵢ, yᵢ) + (λ/n) Σₗ R(Θ(l)), from h already in the workspace. n is m for a
 * whole training set; a minibatch passes the training set's size, so that λ means the same
 * whatever the batch size and each batch's gradient estimates the full-batch one.
 */
export function costOf(model: PropagationModel, ws: Workspace, y: Matrix, penaltyRows = ws.rows): number {
  return model.outputCost(ws, y) / ws.rows + penalty(model, penaltyRows);
}

/** (λ/m) Σ R over every penalized region: each Θ(l) without its bias column, and the regions other layers declare. */
export function penalty(model: PropagationModel, m: number): number {
  if (model.lambda === 0) return 0;
  let sum = 0;
  for (const theta of model.thetas) sum += model.regularizer.value(theta);
  model.stack.forEach((layer, p) => {
    if (layer.dense !== undefined) return;
    layer.built.parameters.forEach((block, b) => {
      if (block.penalized) sum += model.regularizer.value(model.layerParams[p]![b]!, block.penalized);
    });
  });
  return (model.lambda / m) * sum;
}

/**
 * One evaluation: forward, J and backward on the same x, returning J with D(l) in `gradient`.
 * x is read by both a·Θᵀ and δᵀ·a, so a backend that can hold it resident (`pin`) copies it
 * once; batches under PIN_MIN_VALUES skip that, the pin costing more than the copy it saves.
 */
export function costAndGradient(
  model: PropagationModel,
  x: Matrix,
  y: Matrix,
  ws: Workspace,
  gradient: FloatArray,
  penaltyRows = ws.rows,
  context: LayerContext = model.contexts.train,
): number {
  if (model.denseKernels && model.backend.denseStep && denseStep(model, x, y, ws, gradient, penaltyRows)) {
    return costOf(model, ws, y, penaltyRows);
  }
  const pinned = x.data.length >= PIN_MIN_VALUES ? model.backend.pin?.(x.data) : undefined;
  try {
    forward(model, x, ws, context);
    const cost = costOf(model, ws, y, penaltyRows);
    backward(model, x, y, ws, gradient, penaltyRows, context);
    return cost;
  } finally {
    pinned?.release();
  }
}

const PIN_MIN_VALUES = 4096;

/**
 * forward and backward as one call of the backend's `denseStep`, which computes the same bits
 * (the penalty's gradient, a plugin's, is added here as `backward` adds it); false when the
 * backend declines and nothing was written.
 */
function denseStep(
  model: PropagationModel,
  x: Matrix,
  y: Matrix,
  ws: Workspace,
  gradient: FloatArray,
  penaltyRows: number,
): boolean {
  const args = ws.dense;
  args.layers = model.layers;
  args.kernels = model.denseKernels!;
  args.params = model.params;
  args.x = x.data;
  args.y = y.data;
  args.gradient = gradient;
  if (!model.backend.denseStep!(args)) return false;
  if (model.lambda !== 0) {
    const views = gradientViews(model, ws, gradient);
    for (let l = 0; l < model.layout.length; l++) addPenaltyGradient(model, l, views[l]!, penaltyRows);
  }
  return true;
}

/**
 * The kernels of `denseStep`, decided once per network: every activation's declared kernel, when
 * each has one and the loss's fused delta for the output activation is a declared h − y; else
 * undefined and every evaluation runs the general passes.
 */
export function denseKernels(
  loss: LossPlugin,
  activations: readonly ActivationPlugin[],
): readonly ActivationKernel[] | undefined {
  if (fusedDeltaFor(loss, activations[activations.length - 1]!)?.kernel !== 'difference') return undefined;
  const kernels: ActivationKernel[] = [];
  for (const activation of activations) {
    if (activation.kernel === undefined) return undefined;
    kernels.push(activation.kernel);
  }
  return Object.freeze(kernels);
}

/**
 * Backpropagation after `forward` on the same x: writes D(l) for every layer into `gradient`
 * (laid out like the parameters). The δ(l) stay in the workspace for inspection. The penalty's
 * gradient is scaled by λ/penaltyRows (see `costOf`). Non-dense layers run in the context's
 * mode (default train), which must be the forward's.
 */
export function backward(
  model: PropagationModel,
  x: Matrix,
  y: Matrix,
  ws: Workspace,
  gradient: FloatArray,
  penaltyRows = ws.rows,
  context: LayerContext = model.contexts.train,
): void {
  const m = ws.rows;
  const last = model.layout.length - 1;
  model.outputDelta(ws, y);
  for (let l = last; l >= 0; l--) {
    const { offset, rows: units, cols } = model.layout[l]!;
    const delta = ws.delta[l]!;
    const between = model.between[l]!;
    const top = between.length > 0 ? ws.layers[between[between.length - 1]!]! : undefined;
    const input = top ? top.pass.output : l === 0 ? x : ws.a[l - 1]!;
    const D = gradientViews(model, ws, gradient)[l]!;
    // Δ(l)[:, 1:] = δ(l+1)ᵀ·a(l), scaled by 1/m straight into D(l).
    const g = fillGemm(ws, true, false, units, cols - 1, m, 1 / m);
    setOperands(g, delta.data, 0, units, input.data, 0, cols - 1, gradient, offset + 1, cols);
    model.backend.gemm(g);
    // Δ(l)[:, 0] = Σᵢ δ(l+1)ᵢ: the bias unit is 1 for every example.
    model.backend.sumColumns(delta.rows, delta.cols, delta.data, 1 / m, 0, D.data, 0, D.cols);
    if (model.lambda !== 0) addPenaltyGradient(model, l, D, penaltyRows);
    if (l === 0 && !top) break;
    // δ(l) = (δ(l+1)·Θ(l)[:, 1:]) .* g'(z(l)); the bias column is skipped, not computed and dropped.
    // With layers between, δ(l+1)·Θ(l)[:, 1:] is the top one's output gradient, and they carry
    // it down to a(l) first.
    const below = l === 0 ? undefined : ws.delta[l - 1]!;
    const target = top ? top.outputGradient : below!;
    fillGemm(ws, false, false, m, cols - 1, units, 1);
    setOperands(g, delta.data, 0, units, model.params, offset + 1, cols, target.data, 0, cols - 1);
    model.backend.gemm(g);
    if (top) backwardLayers(model, between, ws, gradient, below, penaltyRows, context);
    if (!below) break;
    activateBackward(model.backend, model.activations[l - 1]!, ws.z[l - 1]!, ws.a[l - 1]!, below, below);
  }
}

/** D(l) += (λ/penaltyRows)·∂R/∂Θ(l), the penalty's part of the gradient (see `costOf`). */
function addPenaltyGradient(model: PropagationModel, l: number, D: Matrix, penaltyRows: number): void {
  model.regularizer.accumulateGradient(model.thetas[l]!, model.lambda / penaltyRows, D);
}

/** D(l) as matrices viewing `gradient`, made once per gradient buffer rather than per pass. */
function gradientViews(model: PropagationModel, ws: Workspace, gradient: FloatArray): readonly Matrix[] {
  const cache = ws.gradientViews;
  if (cache.buffer !== gradient) {
    cache.buffer = gradient;
    cache.views = model.layout.map(({ offset, rows, cols }) => ({
      rows,
      cols,
      data: gradient.subarray(offset, offset + rows * cols),
    }));
    cache.layerViews = model.stack.map((layer) =>
      blockViews(layer.built.parameters, layer.paramOffsets, gradient),
    );
  }
  return cache.views;
}

/** Each stack layer's parameter gradients as views of `gradient` (see `gradientViews`). */
function layerGradientViews(
  model: PropagationModel,
  ws: Workspace,
  gradient: FloatArray,
): readonly (readonly Matrix[])[] {
  gradientViews(model, ws, gradient);
  return ws.gradientViews.layerViews;
}

/**
 * Every row of z ← Θ[:, 0]ᵀ (the bias weights): the first row element by element, then the
 * filled rows doubled with copyWithin, so a 5000-row z takes 13 block copies.
 */
function fillRowsWithBias(theta: Matrix, z: Matrix): void {
  const { rows, cols, data } = z;
  if (rows === 0) return;
  for (let j = 0; j < cols; j++) data[j] = theta.data[j * theta.cols]!;
  const total = rows * cols;
  for (let filled = cols; filled < total; filled *= 2)
    data.copyWithin(filled, 0, Math.min(filled, total - filled));
}

/** The workspace's reusable GemmArgs with its flags and sizes set (β = 0 unless given). */
function fillGemm(
  ws: Workspace,
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  beta = 0,
): Workspace['gemm'] {
  const g = ws.gemm;
  g.transA = transA;
  g.transB = transB;
  g.m = m;
  g.n = n;
  g.k = k;
  g.alpha = alpha;
  g.beta = beta;
  return g;
}

/** Sets A, B and C with their offsets and row strides. */
function setOperands(
  g: Workspace['gemm'],
  a: FloatArray,
  aOffset: number,
  lda: number,
  b: FloatArray,
  bOffset: number,
  ldb: number,
  c: FloatArray,
  cOffset: number,
  ldc: number,
): void {
  g.a = a;
  g.aOffset = aOffset;
  g.lda = lda;
  g.b = b;
  g.bOffset = bOffset;
  g.ldb = ldb;
  g.c = c;
  g.cOffset = cOffset;
  g.ldc = ldc;
}
