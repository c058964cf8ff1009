// Layer plugins: one step of a network's stack with its own parameters, state, forward and backward.
import type { ActivationPlugin } from './activation';
import type { BackendPlugin } from './backend';
import type { Matrix } from './matrix';
import type { PluginBase } from './plugin';
import type { Random } from './random';

/** How a pass runs: `'train'` (dropout draws masks, batch-norm uses and updates batch statistics) or `'inference'`. */
export type LayerMode = 'train' | 'inference';

/** What every forward and backward receives besides its matrices. */
export interface LayerContext {
  /** Training or inference; a layer that behaves the same in both ignores it. */
  readonly mode: LayerMode;
  /** The backend whose `gemm` runs the layer's products. */
  readonly backend: BackendPlugin;
  /**
   * The seeded stream stochastic layers draw from in train mode. Undefined during gradient
   * checks: a stochastic layer then passes its input through unchanged (as in inference).
   */
  readonly random: Random | undefined;
}

/**
 * The part of a parameter block a regularizer penalizes: columns `fromColumn`… of every row.
 * Dense's Θ declares `{ fromColumn: 1 }` (column 0 holds the bias weights).
 */
export interface PenalizedRegion {
  /** First penalized column (0: the whole block). */
  readonly fromColumn: number;
}

/** One named block of trainable parameters, a rows × cols matrix inside the network's `params`. */
export interface ParameterBlock {
  /** Its name in reports and gradient checks (`'Θ'`, `'γ'`, `'β'`). */
  readonly name: string;
  /** Rows of the block. */
  readonly rows: number;
  /** Columns of the block. */
  readonly cols: number;
  /** What a regularizer penalizes; null: nothing (batch-norm's γ and β by default). */
  readonly penalized: PenalizedRegion | null;
  /** How it starts: `'initializer'` draws it from the spec's initializer, a number fills it. */
  readonly initial: 'initializer' | number;
}

/** One named block of non-trainable state (batch-norm's running statistics), saved with the model. */
export interface StateBlock {
  /** Its name in model files and reports. */
  readonly name: string;
  /** Rows of the block. */
  readonly rows: number;
  /** Columns of the block. */
  readonly cols: number;
  /** The value every entry starts at. */
  readonly initial: number;
}

/** Where a layer sits: its input width, and for dense its units and activation. */
export interface LayerShape {
  /** Units coming in (columns of the input; rows are examples). */
  readonly inputUnits: number;
  /** Units going out, for layers whose width the spec sets (dense); others keep `inputUnits`. */
  readonly outputUnits?: number;
  /** The activation of a layer that applies one (dense), from the spec's activations. */
  readonly activation?: ActivationPlugin;
}

/** One batch's matrices for a layer: rows are examples. */
export interface LayerPass {
  /** rows × inputUnits, read only. */
  readonly input: Matrix;
  /** rows × outputUnits: written by forward, read by backward. */
  readonly output: Matrix;
  /** The per-batch matrices the layer asked for (`BuiltLayer.saved`), rows × width each: forward writes what backward needs. */
  readonly saved: readonly Matrix[];
}

/** A layer built for one position in a network (widths fixed), as `LayerPlugin.build` returns it. */
export interface BuiltLayer {
  /** Units going out. */
  readonly outputUnits: number;
  /** Trainable parameter blocks, in the order they sit in the network's `params`. */
  readonly parameters: readonly ParameterBlock[];
  /** Non-trainable state blocks (none for most layers). */
  readonly state: readonly StateBlock[];
  /** Widths of the per-batch matrices forward saves for backward (each rows × width). */
  readonly saved: readonly number[];
  /** What each saved matrix holds (`'x̂'`, `'mask'`), for traces and step-throughs; optional. */
  readonly savedNames?: readonly string[];
  /**
   * pass.output ← the layer of pass.input. In train mode it may update `state` (batch-norm's
   * running statistics); in inference mode it must leave `state` untouched.
   */
  forward(context: LayerContext, pass: LayerPass, params: readonly Matrix[], state: readonly Matrix[]): void;
  /**
   * Backpropagation after `forward` on the same pass. `outputGradient` is ∂(Σᵢ ℓᵢ)/∂output, the
   * gradient of the batch's summed loss (the course's δ convention). Writes ∂J/∂p into each of
   * `paramGradients` (same shapes as `params`), J the batch's mean loss, so scaled by 1/rows and
   * overwriting; and ∂(Σᵢ ℓᵢ)/∂input into `inputGradient` when given (undefined for the first
   * layer of a network). `inputGradient` never aliases `outputGradient`.
   */
  backward(
    context: LayerContext,
    pass: LayerPass,
    outputGradient: Matrix,
    params: readonly Matrix[],
    paramGradients: readonly Matrix[],
    inputGradient: Matrix | undefined,
  ): void;
}

/**
 * A kind of layer (`dense`, `dropout`, `batch-norm`, or your own). `build` fixes it to a width,
 * as Keras's `Layer.build` does; the built layer declares its parameters and state and runs
 * over whole batches. Check one with `checkLayer` from `@deltanet/layers`.
 *
 * @example
 * const scale: LayerPlugin = { kind: 'layer', name: 'scale', description: '…', build: ({ inputUnits }) => ({ … }) };
 * createNetwork({ layers: [2, 4, 'scale', 1] }, { registry: builtinRegistry().with(scale) });
 */
export interface LayerPlugin extends PluginBase<'layer'> {
  /** The layer at a position in a network; throws an InvalidArgumentError when the shape does not suit it. */
  build(shape: LayerShape): BuiltLayer;
}
