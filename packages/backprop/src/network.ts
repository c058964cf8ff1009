// A feed-forward network: Θ(1)…Θ(L−1) in the course's layout inside one flat vector, the
// plugins each layer uses, and the forward pass, cost and gradients over whole batches.
import type {
  BackendPlugin,
  CompleteBackend,
  DType,
  FloatArray,
  LayerContext,
  LayerMode,
  Matrix,
  PluginRegistry,
} from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import {
  allocate,
  argmaxRows,
  completeBackend,
  createRandom,
  defaultBackend,
  dtypeOf,
  randomFromState,
  rowSlice,
  zeros,
} from '@deltanet/tensor';
import { builtinRegistry } from './builtins';
import type { EpochRecord } from './history';
import { assertBatch, assertFinite, checkedBatch, checkedInputs } from './internal/data';
import type { ThetaLayout } from './layout';
import { outputCostRule, outputDeltaRule } from './output-rules';
import type { PropagationModel } from './propagate';
import { costAndGradient, denseKernels, forward, penalty } from './propagate';
import type { LayeredNetworkSpec, PluginChoice, ResolvedSpec } from './spec';
import { choosePlugin, resolveSpec } from './spec';
import type { StackLayer } from './stack';
import { blockViews, placeStack } from './stack';
import type { Workspace } from './workspace';
import { createWorkspace } from './workspace';

/** Where plugins come from and which kernels run. */
export interface NetworkOptions {
  /** Plugins to resolve names against. Default: every built-in. */
  readonly registry?: PluginRegistry;
  /**
   * Compute backend, by name (`'reference'`, `'js'`, `'wasm'`, or one registered in `registry`;
   * an unknown name throws UnknownPluginError listing the valid ones) or as the plugin itself.
   * A backend implementing only gemm runs `reference`'s other kernels (`completeBackend`).
   * Default: the fastest built-in that supports the spec's dtype (`defaultBackend`: wasm SIMD
   * where WebAssembly has SIMD, else js). Every built-in gives the same bits except wasm's
   * products of 4,096 multiply-adds and more (see docs/reproducibility.md).
   */
  readonly backend?: PluginChoice<BackendPlugin>;
}

/** J, its regularization part, and classification accuracy over a data set. */
export interface Evaluation {
  /** J including the (λ/m) ΣR(Θ) term. */
  readonly cost: number;
  /** J without the regularization term. */
  readonly dataCost: number;
  /** Fraction of rows whose predicted class (argmax, or h ≥ 0.5 for one output) matches y. */
  readonly accuracy: number;
}

// Rows per pass when predicting or evaluating large sets, bounding workspace memory.
const CHUNK_ROWS = 2048;

/**
 * Workspaces kept, the most recently used ones. Training needs two (the batch size and the last,
 * shorter batch), evaluation two more (a full chunk and the remainder); a program predicting on
 * ever-changing row counts would otherwise keep one per count forever.
 */
export const WORKSPACES_KEPT = 4;

/**
 * A network whose Θ(l) are s(l+1) × (s(l)+1) views into `params`, bias weights in column 0.
 *
 * @example
 * const net = createNetwork({ layers: [2, 4, 1], seed: 1 });
 * const h = net.predict(fromRows([[0, 1]])); // 1 × 1
 */
export class Network implements PropagationModel {
  /** The spec with defaults filled in and plugins resolved. */
  readonly spec: ResolvedSpec;
  /** The plugins names resolve against (`options.registry`, else every built-in). */
  readonly registry: PluginRegistry;
  /** The backend running every kernel (`options.backend` completed from reference, else `defaultBackend(dtype)`). */
  readonly backend: CompleteBackend;
  /** s(1)…s(L), the units of every layer, inputs first. */
  readonly layers: readonly number[];
  /** Where each Θ(l) sits in `params` and its shape, one per weight layer. */
  readonly layout: readonly ThetaLayout[];
  /** Precision of `params` and of every matrix the network computes. */
  readonly dtype: DType;
  /** Every Θ(l), flattened one after another; optimizers move this vector. */
  readonly params: FloatArray;
  /** Θ(l) for l = 1…L−1 (index 0 is Θ(1)), sharing memory with `params`. */
  readonly thetas: readonly Matrix[];
  readonly outputDelta: PropagationModel['outputDelta'];
  readonly outputCost: PropagationModel['outputCost'];
  readonly denseKernels: PropagationModel['denseKernels'];
  /**
   * The layers after the input, in order: each dense layer (the spec's numbers) and each other
   * layer, built for its width, with where its parameters and state sit. The network's truth;
   * `layers` is the dense chain's units.
   */
  readonly stack: readonly StackLayer[];
  /** Each stack layer's parameter blocks as views into `params` (a dense layer's one block is its Θ). */
  readonly layerParams: readonly (readonly Matrix[])[];
  /** Non-trainable state of every layer (batch-norm's running statistics), in stack order; saved with the model. */
  readonly state: FloatArray;
  /** Each stack layer's state blocks as views into `state`. */
  readonly layerState: readonly (readonly Matrix[])[];
  /** For each dense layer, the `stack` positions of the non-dense layers just below it (all empty when all-dense). */
  readonly between: PropagationModel['between'];
  /** Every epoch trained so far, across `fit` calls; saved with the model. */
  readonly history: EpochRecord[] = [];
  #workspaces = new Map<number, Workspace>();
  #contexts: Record<LayerMode | 'check', LayerContext>;

  /**
   * Prefer `createNetwork`; this takes a resolved spec and, optionally, starting parameters and
   * state (both in stack order, as `params` and `state` hold them).
   */
  constructor(
    spec: ResolvedSpec,
    options: NetworkOptions & { params?: ArrayLike<number>; state?: ArrayLike<number> } = {},
  ) {
    this.spec = spec;
    this.registry = options.registry ?? builtinRegistry();
    this.backend = completeBackend(
      options.backend === undefined
        ? defaultBackend(spec.dtype)
        : choosePlugin(this.registry, 'backend', options.backend),
    );
    this.layers = spec.layers;
    const placed = placeStack(spec);
    this.stack = placed.layers;
    this.layout = placed.layout;
    this.dtype = spec.dtype;
    this.params = allocate(spec.dtype, placed.parameterCount);
    this.thetas = this.layout.map(({ offset, rows, cols }) => ({
      rows,
      cols,
      data: this.params.subarray(offset, offset + rows * cols),
    }));
    this.layerParams = this.stack.map((layer) =>
      blockViews(layer.built.parameters, layer.paramOffsets, this.params),
    );
    this.state = allocate(spec.dtype, placed.stateCount);
    this.layerState = this.stack.map((layer) =>
      blockViews(layer.built.state, layer.stateOffsets, this.state),
    );
    this.between = betweenDense(this.stack);
    this.#contexts = {
      train: { mode: 'train', backend: this.backend, random: createRandom(layerSeed(spec.seed)) },
      inference: { mode: 'inference', backend: this.backend, random: undefined },
      check: { mode: 'train', backend: this.backend, random: undefined },
    };
    this.outputDelta = outputDeltaRule(
      spec.loss,
      spec.activations[spec.activations.length - 1]!,
      this.backend,
    );
    this.outputCost = outputCostRule(spec.loss, spec.activations[spec.activations.length - 1]!);
    this.denseKernels = placed.allDense ? denseKernels(spec.loss, spec.activations) : undefined;
    this.stack.forEach((layer, p) => {
      layer.built.state.forEach((block, b) => {
        this.layerState[p]![b]!.data.fill(block.initial);
      });
    });
    if (options.state) this.setState(options.state);
    if (options.params) this.setParams(options.params);
    else {
      // Blocks in stack order from one stream: an all-dense stack draws Θ(1), Θ(2), … as before.
      const random = createRandom(spec.seed);
      this.stack.forEach((layer, p) => {
        layer.built.parameters.forEach((block, b) => {
          const view = this.layerParams[p]![b]!;
          if (block.initial === 'initializer') spec.initializer.initialize(view, random);
          else view.data.fill(block.initial);
        });
      });
    }
  }

  /** Whether every layer is dense (the spec's `layers` is all numbers): the fused passes apply. */
  get allDense(): boolean {
    return this.denseKernels !== undefined || this.stack.every((layer) => layer.dense !== undefined);
  }

  /** The contexts passes run in: training (with the layers' random stream), inference, gradient checks. */
  get contexts(): PropagationModel['contexts'] {
    return this.#contexts;
  }

  /** The state of the stream stochastic layers (dropout) draw from in training, to save and restore a run. */
  get layerRandomState(): readonly number[] {
    return this.#contexts.train.random!.state();
  }

  /** Restores the stochastic layers' stream (see `layerRandomState`). */
  setLayerRandomState(state: readonly number[]): void {
    this.#contexts.train = { ...this.#contexts.train, random: randomFromState(state) };
  }

  /** Replaces the state of every layer (same layout as `state`); values must be finite. */
  setState(values: ArrayLike<number>): void {
    if (values.length !== this.state.length) {
      throw new ShapeError(`expected ${this.state.length} state values for this stack, got ${values.length}`);
    }
    this.state.set(values);
    assertFinite('layer state', { rows: 1, cols: this.state.length, data: this.state });
  }

  /** One activation per weight layer: hidden ones, then the output's (length L − 1). */
  get activations() {
    return this.spec.activations;
  }
  /** The loss plugin. */
  get loss() {
    return this.spec.loss;
  }
  /** The weight penalty, scaled by λ/m. */
  get regularizer() {
    return this.spec.regularizer;
  }
  /** λ, the regularization strength (0: no penalty). */
  get lambda() {
    return this.spec.lambda;
  }

  /** Number of parameters, bias weights included. */
  get parameterCount(): number {
    return this.params.length;
  }

  /** Replaces every parameter (same layout as `params`); values must be finite. */
  setParams(values: ArrayLike<number>): void {
    if (values.length !== this.params.length) {
      throw new ShapeError(
        `expected ${this.params.length} parameters for layers ${this.layers.join('-')}, got ${values.length}`,
      );
    }
    this.params.set(values);
    assertFinite('parameters', { rows: 1, cols: this.params.length, data: this.params });
  }

  /**
   * Buffers for a batch of `rows`, made once per batch size and kept while it is among the
   * `WORKSPACES_KEPT` sizes used most recently (a caller holding one may keep using it).
   */
  workspace(rows: number): Workspace {
    let ws = this.#workspaces.get(rows);
    if (ws) {
      // A Map iterates in insertion order: re-inserting marks this size as the newest.
      this.#workspaces.delete(rows);
    } else {
      ws = createWorkspace(this.layers, rows, this.dtype, this.stack);
      if (this.#workspaces.size >= WORKSPACES_KEPT) {
        this.#workspaces.delete(this.#workspaces.keys().next().value!);
      }
    }
    this.#workspaces.set(rows, ws);
    return ws;
  }

  /** h = a(L) for every row of x, as a new m × s(L) matrix. */
  predict(x: Matrix): Matrix {
    const input = checkedInputs(this.layers, this.dtype, x);
    const out = zeros(input.rows, this.layers[this.layers.length - 1]!, this.dtype);
    this.#chunks(input, undefined, (h, start) => out.data.set(h.data, start * out.cols));
    return out;
  }

  /** The cost J over all rows (regularization included). */
  cost(x: Matrix, y: Matrix): number {
    return this.evaluate(x, y).cost;
  }

  /** J, J without its λ term, and accuracy over all rows. */
  evaluate(x: Matrix, y: Matrix): Evaluation {
    const { x: input, y: target } = checkedBatch(this.layers, this.dtype, { x, y });
    let lossSum = 0;
    let correct = 0;
    const predicted = new Int32Array(CHUNK_ROWS);
    const expected = new Int32Array(CHUNK_ROWS);
    this.#chunks(input, target, (h, _start, yChunk, ws) => {
      lossSum += this.outputCost(ws, yChunk!);
      correct += countCorrect(h, yChunk!, predicted, expected);
    });
    const m = input.rows;
    const dataCost = lossSum / m;
    return { cost: dataCost + penalty(this, m), dataCost, accuracy: correct / m };
  }

  /**
   * J and D(l) for every layer on one batch, D written into `gradient` (laid out like
   * `params`). Allocates nothing after the first call for a batch size.
   */
  gradients(x: Matrix, y: Matrix, gradient: FloatArray = allocate(this.dtype, this.params.length)): number {
    if (gradient.length !== this.params.length) {
      throw new ShapeError(`gradient must hold ${this.params.length} values, got ${gradient.length}`);
    }
    assertBatch(this.layers, x, y);
    if (dtypeOf(x.data) !== this.dtype || dtypeOf(y.data) !== this.dtype) {
      throw new InvalidArgumentError(
        `x and y must be ${this.dtype} like the network (convert once, outside the loop)`,
      );
    }
    return costAndGradient(this, x, y, this.workspace(x.rows), gradient);
  }

  /** A deep copy, optionally in another precision (gradient checks run in float64). */
  clone(dtype: DType = this.dtype): Network {
    const copy = new Network(
      { ...this.spec, dtype },
      { registry: this.registry, backend: this.backend, params: this.params, state: this.state },
    );
    copy.setLayerRandomState(this.layerRandomState);
    return copy;
  }

  #chunks(
    x: Matrix,
    y: Matrix | undefined,
    visit: (h: Matrix, start: number, y: Matrix | undefined, ws: Workspace) => void,
  ): void {
    for (let start = 0; start < x.rows; start += CHUNK_ROWS) {
      const end = Math.min(x.rows, start + CHUNK_ROWS);
      const ws = this.workspace(end - start);
      const h = forward(this, rowSlice(x, start, end), ws);
      visit(h, start, y && rowSlice(y, start, end), ws);
    }
  }
}

/**
 * A network from a spec: plugins by name (resolved through `options.registry`, the built-ins
 * by default) or as plugin objects, Θ initialized from the spec's seed.
 *
 * @example
 * const net = createNetwork({ layers: [784, 25, 10], lambda: 1 });
 */
export function createNetwork(spec: LayeredNetworkSpec, options: NetworkOptions = {}): Network {
  const registry = options.registry ?? builtinRegistry();
  return new Network(resolveSpec(spec, registry), { ...options, registry });
}

/**
 * The seed of the stochastic layers' stream, apart from the initializer's and the shuffles'
 * (which use the seed itself), so dropout masks do not replay those draws.
 */
function layerSeed(seed: number): number {
  return (seed ^ 0x6c617972) | 0;
}

/** For each dense layer, the stack positions of the non-dense layers just below it, bottom first. */
function betweenDense(stack: readonly StackLayer[]): number[][] {
  const between: number[][] = [];
  let pending: number[] = [];
  stack.forEach((layer, p) => {
    if (layer.dense === undefined) pending.push(p);
    else {
      between.push(pending);
      pending = [];
    }
  });
  return between;
}

/**
 * The class of each row of outputs (or one-hot targets): the largest column, or for a single
 * output unit 1 when it is ≥ 0.5, else 0. The one rule accuracy and every report use.
 *
 * @example
 * predictedClasses(net.predict(x)); // Int32Array of class indices
 */
export function predictedClasses(m: Matrix, out: Int32Array = new Int32Array(m.rows)): Int32Array {
  if (m.cols !== 1) return argmaxRows(m, out);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i]! >= 0.5 ? 1 : 0;
  return out;
}

/** Rows whose predicted class equals the target class (see `predictedClasses`). */
export function countCorrect(h: Matrix, y: Matrix, predicted: Int32Array, expected: Int32Array): number {
  predictedClasses(h, predicted);
  predictedClasses(y, expected);
  let correct = 0;
  for (let i = 0; i < h.rows; i++) if (predicted[i] === expected[i]) correct++;
  return correct;
}
