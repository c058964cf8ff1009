// The step-through's non-dense layers (batch-norm, dropout): where each sits after a hidden
// layer, what feeds Θ(l) when one does, and their forward and backward stages — output, the
// gradient brought down to them, γ and β with D — every number from traceBackprop's `layers`.
import type { BackpropTrace, StackLayerTrace } from '@deltanet/backprop';
import { formatNumber as num } from './format';
import { sym } from './math-html';
import type { LayerTable, ShownValue, StageNames, StageView } from './stage-view';

/** A non-dense layer of the trace: its position in `trace.layers` and the dense layer l it follows. */
export interface PlacedLayer {
  /** Index into `trace.layers`. */
  readonly position: number;
  /** The course's l of the dense layer whose a(l) (or a layer after it) feeds this one. */
  readonly after: number;
  readonly layer: StackLayerTrace;
}

/**
 * Every non-dense layer with the dense layer it follows. The trace numbers them by their index in
 * the spec's `layers`; the others are the dense layers (index 0 is the input, layer 1), so the
 * dense layers before an index say which l it follows.
 *
 * @example
 * placedLayers(trace); // [2, 4, 'batch-norm', 1]: [{ position: 0, after: 2, … }]
 */
export function placedLayers(trace: BackpropTrace): PlacedLayer[] {
  const other = new Set(trace.layers.map((layer) => layer.index));
  return trace.layers.map((layer, position) => {
    let after = 0;
    for (let i = 0; i < layer.index; i++) if (!other.has(i)) after++;
    return { position, after, layer };
  });
}

/** The layers after dense layer l, in stack order. */
export function layersAfter(trace: BackpropTrace, l: number): PlacedLayer[] {
  return placedLayers(trace).filter((placed) => placed.after === l);
}

/**
 * What Θ(l) multiplies, rows = examples: a(l), or the output of the last layer after layer l
 * (batch-norm's output, not a(l), feeds the next dense layer).
 */
export function denseInput(trace: BackpropTrace, l: number): number[][] {
  const after = layersAfter(trace, l);
  return after.length > 0 ? after[after.length - 1]!.layer.output : trace.units[l - 1]!.a;
}

/** What the layer's forward pass saved under `name` (batch-norm's `x̂`, dropout's `mask`), example 1. */
function savedRow(layer: StackLayerTrace, name: string): readonly number[] | undefined {
  return layer.saved.find((saved) => saved.name === name)?.value[0];
}

type Part = Omit<StageView, 'values' | 'litLayer' | 'litFromFocus'> & { readonly layerTable: LayerTable };

/** The symbol a layer's output has on the diagram: `bn` or `drop` (any other kind by its name). */
export function outputQuantity(kind: string): string {
  return kind === 'batch-norm' ? 'bn' : kind === 'dropout' ? 'drop' : kind;
}

/**
 * A non-dense layer's forward (its input and output on the units of layer l) or backward (the
 * gradient brought down to it, and for batch-norm γ, β and their D) for unit j of example 1.
 */
export function layerView(
  trace: BackpropTrace,
  placed: PlacedLayer,
  direction: 'forward' | 'backward',
  values: ShownValue[][][],
  unit: number,
  names: StageNames,
): Omit<StageView, 'values' | 'litLayer' | 'litFromFocus'> & { readonly layerTable: LayerTable } {
  const { layer, after: l } = placed;
  const { input } = placed.layer;
  const out = outputQuantity(layer.kind);
  const column = l - 1;
  const j = Math.max(0, Math.min(layer.output[0]!.length - 1, unit));
  const put = (quantity: string, list: readonly number[]) => {
    for (const [k, value] of list.entries()) values[column]![k]!.push({ quantity, value } as ShownValue);
  };
  if (direction === 'forward') {
    put('a', input[0]!);
    put(out, layer.output[0]!);
  } else {
    put(out, layer.output[0]!);
    put(`∂${out}`, layer.outputGradient[0]!);
  }
  const part =
    layer.kind === 'batch-norm'
      ? batchNormPart(trace, placed, input, direction, j)
      : layer.kind === 'dropout'
        ? dropoutPart(placed, input, direction, j, names)
        : otherPart(placed, input, direction, j);
  return { ...part, focus: { column, unit: j } };
}

function batchNormPart(
  trace: BackpropTrace,
  { layer, after: l }: PlacedLayer,
  input: number[][],
  direction: 'forward' | 'backward',
  j: number,
): Omit<Part, 'focus'> {
  const [gamma, beta] = layer.parameters;
  const g = gamma!.value[0]!;
  const b = beta!.value[0]!;
  // x̂ as the layer computed it (the trace's saved matrices), not worked back from γ and β.
  const xHat = savedRow(layer, 'x̂') ?? [];
  const { m } = trace;
  const bn = sym('bn', `${j + 1}`, l);
  if (direction === 'forward') {
    const aj = sym('a', `${j + 1}`, l);
    const y = layer.output[0]![j]!;
    const single =
      m === 1
        ? '<br>With m = 1 the batch mean is the example itself, so x̂ = 0 and the output is β: trace a minibatch (m > 1) to see the normalization.'
        : '';
    return {
      title: `Forward: batch-norm after layer ${l}, bn(${l}) = γ·x̂ + β with x̂ = (a(${l}) − μ)/√(σ² + ε) over the m = ${m} examples`,
      formula:
        `${bn} = γ<sub>${j + 1}</sub>·x̂<sub>${j + 1}</sub> + β<sub>${j + 1}</sub>, x̂<sub>${j + 1}</sub> = (${aj} − μ<sub>${j + 1}</sub>)/√(σ<sub>${j + 1}</sub>² + ε)<br>` +
        `= (${num(g[j]!)})(${num(xHat[j]!)}) + (${num(b[j]!)}) = <b>${num(y)}</b> (${aj} = ${num(input[0]![j]!)})${single}`,
      layerTable: {
        caption: `batch-norm after layer ${l}, example 1`,
        columns: ['unit', `a(${l})`, 'x̂', 'γ', 'β', `bn(${l})`],
        rows: g.map((_, k) => [
          { quantity: 'unit', value: k + 1 },
          { quantity: 'a', value: input[0]![k]! },
          { quantity: 'x-hat', value: xHat[k]! },
          { quantity: 'gamma', value: g[k]! },
          { quantity: 'beta', value: b[k]! },
          { quantity: 'bn', value: layer.output[0]![k]! },
        ]),
      },
    };
  }
  const dGamma = gamma!.D[0]!;
  const dBeta = beta!.D[0]!;
  const grad = layer.outputGradient;
  const terms = grad.map((row) => num(row[j]!));
  return {
    title: `Backward: through batch-norm after layer ${l}, Dγ = (1/m)Σᵢ ∂bnᵢ·x̂ᵢ and Dβ = (1/m)Σᵢ ∂bnᵢ`,
    formula:
      `D(β<sub>${j + 1}</sub>) = (1/m)Σ<sub>i</sub> ∂${bn}(i) = (${terms.join(' + ')})/${m} = <b>${num(dBeta[j]!)}</b><br>` +
      `D(γ<sub>${j + 1}</sub>) = (1/m)Σ<sub>i</sub> ∂${bn}(i)·x̂<sub>${j + 1}</sub>(i) = <b>${num(dGamma[j]!)}</b><br>` +
      `∂J/∂${sym('a', `${j + 1}`, l)} = γ/√(σ² + ε)·(∂bn − mean(∂bn) − x̂·mean(∂bn·x̂)) = <b>${num(layer.inputGradient[0]![j]!)}</b>: μ and σ² depend on every example of the batch`,
    layerTable: {
      caption: `batch-norm after layer ${l}: γ, β and their gradients`,
      columns: ['unit', `∂bn(${l}) (example 1)`, `∂a(${l}) (example 1)`, 'γ', 'Dγ', 'β', 'Dβ'],
      rows: g.map((_, k) => [
        { quantity: 'unit', value: k + 1 },
        { quantity: 'd-bn', value: grad[0]![k]! },
        { quantity: 'd-a', value: layer.inputGradient[0]![k]! },
        { quantity: 'gamma', value: g[k]! },
        { quantity: 'D-gamma', value: dGamma[k]! },
        { quantity: 'beta', value: b[k]! },
        { quantity: 'D-beta', value: dBeta[k]! },
      ]),
    },
  };
}

function dropoutPart(
  { layer, after: l }: PlacedLayer,
  input: number[][],
  direction: 'forward' | 'backward',
  j: number,
  names: StageNames,
): Omit<Part, 'focus'> {
  const p = names.dropout === undefined ? 'p' : num(names.dropout);
  const drop = sym('drop', `${j + 1}`, l);
  // The trace runs as a gradient check does: no random draws, so every mask entry is 1.
  const mask = savedRow(layer, 'mask') ?? input[0]!.map(() => 1);
  const why = `In training each unit is kept with probability 1 − ${p} and scaled by 1/(1 − ${p}), the rest set to 0; the step-through draws no masks (as a gradient check), so every mask is 1 here and at prediction.`;
  if (direction === 'forward') {
    return {
      title: `Forward: dropout after layer ${l}, drop(${l}) = a(${l}) .* mask, rate ${p}`,
      formula: `${drop} = ${sym('a', `${j + 1}`, l)}·mask<sub>${j + 1}</sub> = (${num(input[0]![j]!)})(${num(mask[j]!)}) = <b>${num(layer.output[0]![j]!)}</b><br>${why}`,
      layerTable: {
        caption: `dropout after layer ${l}, example 1`,
        columns: ['unit', `a(${l})`, 'mask', `drop(${l})`],
        rows: mask.map((value, k) => [
          { quantity: 'unit', value: k + 1 },
          { quantity: 'a', value: input[0]![k]! },
          { quantity: 'mask', value },
          { quantity: 'drop', value: layer.output[0]![k]! },
        ]),
      },
    };
  }
  const grad = layer.outputGradient[0]!;
  return {
    title: `Backward: through dropout after layer ${l}, ∂J/∂a(${l}) = ∂drop(${l}) .* mask`,
    formula: `∂J/∂${sym('a', `${j + 1}`, l)} = ∂${drop}·mask<sub>${j + 1}</sub> = (${num(grad[j]!)})(${num(mask[j]!)}) = <b>${num(layer.inputGradient[0]![j]!)}</b><br>${why}`,
    layerTable: {
      caption: `dropout after layer ${l}: the gradient passes where the mask kept the unit`,
      columns: ['unit', `∂drop(${l})`, 'mask'],
      rows: grad.map((value, k) => [
        { quantity: 'unit', value: k + 1 },
        { quantity: 'd-drop', value },
        { quantity: 'mask', value: mask[k]! },
      ]),
    },
  };
}

/** A layer the step-through has no formula for: its numbers from the trace, by unit. */
function otherPart(
  { layer, after: l }: PlacedLayer,
  input: number[][],
  direction: 'forward' | 'backward',
  j: number,
): Omit<Part, 'focus'> {
  return {
    title: `${direction === 'forward' ? 'Forward' : 'Backward'}: ${layer.kind} after layer ${l}`,
    formula: `${layer.kind}: input ${num(input[0]![j]!)}, output <b>${num(layer.output[0]![j]!)}</b>, gradient ${num(layer.outputGradient[0]![j]!)}`,
    layerTable: {
      caption: `${layer.kind} after layer ${l}, example 1`,
      columns: ['unit', 'input', 'output', '∂output'],
      rows: input[0]!.map((value, k) => [
        { quantity: 'unit', value: k + 1 },
        { quantity: 'input', value },
        { quantity: 'output', value: layer.output[0]![k]! },
        { quantity: 'd-output', value: layer.outputGradient[0]![k]! },
      ]),
    },
  };
}
