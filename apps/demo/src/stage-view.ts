// What a step-through stage is and shows, the types shared by the stages' builders
// (step-through.ts and the dense, minibatch and non-dense layer parts beside it).

/** One step of the walk-through; l is the course's 1-based layer number. */
export type Stage =
  | { readonly kind: 'forward'; readonly layer: number }
  | { readonly kind: 'delta'; readonly layer: number }
  | { readonly kind: 'gradient'; readonly layer: number }
  /** Δ(l) built up over the m examples of a minibatch, then D(l) with its λ term. */
  | { readonly kind: 'accumulate'; readonly layer: number }
  /** The step Θ(l) := Θ(l) − αD(l). */
  | { readonly kind: 'update'; readonly layer: number }
  /** A non-dense layer after dense layer `layer`: its forward, or the gradient back through it; `position` indexes `trace.layers`. */
  | { readonly kind: 'layer-forward' | 'layer-backward'; readonly layer: number; readonly position: number };

/** A number shown on a unit, with the quantity it is. */
export interface ShownValue {
  /** x, z, a, g′, δ; or a non-dense layer's output (`bn`, `drop`) and the gradient at it (`∂bn`, `∂drop`). */
  readonly quantity: 'x' | 'z' | 'a' | 'g′' | 'δ' | (string & {});
  readonly value: number;
}

/** What one stage shows. Columns are 0-based (column 0 = layer 1, the input). */
export interface StageView {
  readonly title: string;
  /** values[column][unit]: the numbers on each unit. */
  readonly values: (readonly ShownValue[])[][];
  /** Index l − 1 of the Θ(l) whose links carry this stage's quantity. */
  readonly litLayer: number;
  /** The unit whose formula is shown; with litFromFocus its outgoing links, else incoming. */
  readonly focus: { readonly column: number; readonly unit: number };
  readonly litFromFocus: boolean;
  /** The formula, symbols as HTML (sub- and superscripts), values filled in. */
  readonly formula: string;
  /** For gradient stages: row j of Δ(l) and D(l) with [1; a(l)]. */
  readonly gradientRow?: {
    readonly k: number;
    readonly a: number;
    readonly Delta: number;
    readonly D: number;
  }[];
  /** For accumulate stages: Δⱼ₁(l) example by example, δⱼ(l+1)(i)·a₁(l)(i) and the running sum. */
  readonly accumulation?: {
    readonly i: number;
    readonly delta: number;
    readonly a: number;
    readonly term: number;
    readonly sum: number;
  }[];
  /** For a non-dense layer's stages: its numbers per unit (input, output, γ, β, D, …). */
  readonly layerTable?: LayerTable;
  /** For update stages: row j of Θ(l), D(l) and Θ(l) − αD(l). */
  readonly updateRow?: {
    readonly k: number;
    readonly theta: number;
    readonly D: number;
    readonly next: number;
  }[];
}

/** Names shown for g in the formulas, per layer 2..L, and the settings the formulas use. */
export interface StageNames {
  readonly activations: readonly string[];
  readonly regularizer: string;
  /** The loss, for δ(L) when the output's fused rule does not apply. */
  readonly loss?: string;
  /** α of the update step, and the optimizer actually training (the step shown is plain descent). */
  readonly learningRate?: number;
  readonly optimizer?: string;
  /** The dropout rate, for the dropout stages' formulas. */
  readonly dropout?: number;
}

/** A table of per-unit values for the panel: a caption, column heads, and cells with their quantity. */
export interface LayerTable {
  readonly caption: string;
  readonly columns: readonly string[];
  /** One row per unit; each cell's quantity names it for readers and tests (`gamma`, `D-beta`, …). */
  readonly rows: readonly (readonly { readonly quantity: string; readonly value: number }[])[];
}
