// The backprop step-through as a sequence of stages over one traced example: forward layer by
// layer (z and a, and the batch-norm or dropout after a layer), then δ right to left (back
// through those layers), then Δ and D per Θ(l). For each stage it says which
// numbers go on which units, which links light up, and the highlighted quantity's formula with
// the trace's values filled in. Every number comes from the library's traceBackprop.
import type { BackpropTrace } from '@deltanet/backprop';
import { formatNumber as num } from './format';
import { sym } from './math-html';
import type { ShownValue, Stage, StageNames, StageView } from './stage-view';
import { accumulateView, updateView } from './step-through-batch';
import { denseInput, layersAfter, layerView, placedLayers } from './step-through-layers';

export type { LayerTable, ShownValue, Stage, StageNames, StageView } from './stage-view';

/**
 * The stages of a trace of a network with L layers: forward l = 2..L, each followed by the
 * layers after it (batch-norm, dropout), δ(l) for l = L..2 (for the first example), each after
 * the gradient came back through those layers, then Δ(l) and D(l) for l = L−1..1 (for a
 * minibatch, Δ accumulating over its m examples), then the updates Θ(l) := Θ(l) − αD(l).
 *
 * @example
 * stagesOf(trace).length; // 4(L − 1) for an all-dense network, plus 2 per other layer
 */
export function stagesOf(trace: BackpropTrace): Stage[] {
  const L = trace.units.length;
  const stages: Stage[] = [];
  const gradient = trace.m > 1 ? 'accumulate' : 'gradient';
  const after = (l: number) => layersAfter(trace, l).map(({ position }) => ({ layer: l, position }));
  for (let l = 2; l <= L; l++) {
    stages.push({ kind: 'forward', layer: l });
    for (const placed of after(l)) stages.push({ kind: 'layer-forward', ...placed });
  }
  for (let l = L; l >= 2; l--) {
    for (const placed of after(l).reverse()) stages.push({ kind: 'layer-backward', ...placed });
    stages.push({ kind: 'delta', layer: l });
  }
  for (let l = L - 1; l >= 1; l--) stages.push({ kind: gradient, layer: l });
  for (let l = L - 1; l >= 1; l--) stages.push({ kind: 'update', layer: l });
  return stages;
}

/** The stage `stage` of the first traced example, its formula for unit `unit` of the stage's layer. */
export function viewStage(
  trace: BackpropTrace,
  stage: Stage,
  y: readonly number[],
  names: StageNames,
  unit = 0,
): StageView {
  const L = trace.units.length;
  const units = trace.units;
  const row = (values: number[][] | undefined) => values?.[0] ?? [];
  const values: ShownValue[][][] = units.map((u) => row(u.a).map(() => []));
  const put = (column: number, quantity: ShownValue['quantity'], list: number[]) => {
    for (const [j, value] of list.entries()) values[column]![j]!.push({ quantity, value });
  };
  const l = stage.layer;
  if (stage.kind === 'layer-forward' || stage.kind === 'layer-backward') {
    for (let c = 1; c < l - 1; c++) put(c, 'a', row(units[c]!.a));
    if (stage.kind === 'layer-backward') for (let c = l; c < L; c++) put(c, 'δ', row(units[c]!.delta));
    const placed = placedLayers(trace)[stage.position]!;
    const direction = stage.kind === 'layer-forward' ? 'forward' : 'backward';
    // No Θ's links carry a layer's own stage.
    return {
      values,
      litLayer: -1,
      litFromFocus: false,
      ...layerView(trace, placed, direction, values, unit, names),
    };
  }
  if (stage.kind === 'accumulate' || stage.kind === 'update') {
    const base = { values, litLayer: l - 1, litFromFocus: false };
    put(l - 1, l === 1 ? 'x' : 'a', row(units[l - 1]!.a));
    put(l, 'δ', row(units[l]!.delta));
    const j = clampUnit(unit, row(units[l]!.a).length);
    return {
      ...base,
      ...(stage.kind === 'accumulate' ? accumulateView(trace, l, j, names) : updateView(trace, l, j, names)),
    };
  }

  if (stage.kind === 'forward') {
    put(0, 'x', row(units[0]!.a));
    for (let c = 1; c < l - 1; c++) put(c, 'a', row(units[c]!.a));
    put(l - 1, 'z', row(units[l - 1]!.z));
    put(l - 1, 'a', row(units[l - 1]!.a));
    const j = clampUnit(unit, row(units[l - 1]!.a).length);
    const theta = trace.weights[l - 2]!.theta[j]!;
    // Θ(l−1) multiplies what the layers after l − 1 made of a(l−1), when there are any.
    const fed = layersAfter(trace, l - 1);
    const previous = [1, ...row(denseInput(trace, l - 1))];
    const z = row(units[l - 1]!.z)[j]!;
    const a = row(units[l - 1]!.a)[j]!;
    const terms = theta.map(
      (_, k) =>
        `${sym('Θ', `${j + 1}${k}`, l - 1)}·${k === 0 ? '1' : sym(l === 2 ? 'x' : 'a', `${k}`, l === 2 ? undefined : l - 1)}`,
    );
    const filled = theta.map((w, k) => `(${num(w)})(${num(previous[k]!)})`);
    const g = names.activations[l - 2] ?? 'g';
    return {
      title: `Forward: z(${l}) = Θ(${l - 1})·[1; a(${l - 1})], a(${l}) = g(z(${l}))`,
      values,
      litLayer: l - 2,
      focus: { column: l - 1, unit: j },
      litFromFocus: false,
      formula:
        `${sym('z', `${j + 1}`, l)} = ${terms.join(' + ')}<br>= ${filled.join(' + ')} = <b>${num(z)}</b><br>` +
        `${sym('a', `${j + 1}`, l)} = ${g}(${sym('z', `${j + 1}`, l)}) = ${g}(${num(z)}) = <b>${num(a)}</b>` +
        (fed.length > 0
          ? `<br>(a(${l - 1}) here is the output of the ${fed.map((p) => p.layer.kind).join(' then ')} after layer ${l - 1})`
          : ''),
    };
  }

  if (stage.kind === 'delta') {
    for (let c = 1; c < L; c++) put(c, 'a', row(units[c]!.a));
    for (let c = l - 1; c < L; c++) put(c, 'δ', row(units[c]!.delta));
    const j = clampUnit(unit, row(units[l - 1]!.a).length);
    const delta = row(units[l - 1]!.delta)[j]!;
    if (l === L) {
      const a = row(units[L - 1]!.a)[j]!;
      // The fused rule holds for matching output/loss pairs; otherwise show the general one.
      const fused = Math.abs(a - y[j]! - delta) <= 1e-12 * Math.max(1, Math.abs(delta));
      return {
        title: `Backward: δ(${L}) at the output`,
        values,
        litLayer: L - 2,
        focus: { column: L - 1, unit: j },
        litFromFocus: false,
        formula: fused
          ? `${sym('δ', `${j + 1}`, L)} = ${sym('a', `${j + 1}`, L)} − y<sub>${j + 1}</sub> = ${num(a)} − ${num(y[j]!)} = <b>${num(delta)}</b>`
          : outputDelta(trace, j, y[j]!, names),
      };
    }
    const theta = trace.weights[l - 1]!.theta;
    const next = row(units[l]!.delta);
    const gPrime = row(units[l - 1]!.gPrime)[j];
    if (gPrime !== undefined) put(l - 1, 'g′', row(units[l - 1]!.gPrime));
    const through = layersAfter(trace, l);
    if (through.length > 0) {
      const kinds = through.map((p) => p.layer.kind).join(' and ');
      return {
        title: `Backward: δ(${l}) = ∂J/∂a(${l}) .* g′(z(${l})), ∂J/∂a(${l}) back through the ${kinds}`,
        values,
        litLayer: -1,
        focus: { column: l - 1, unit: j },
        litFromFocus: false,
        formula:
          `${sym('δ', `${j + 1}`, l)} = ∂J/∂${sym('a', `${j + 1}`, l)} · g′(${sym('z', `${j + 1}`, l)})` +
          `${gPrime === undefined ? '' : `, g′ = ${num(gPrime)}`}: <b>${num(delta)}</b><br>` +
          `(Θ(${l}))ᵀ δ(${l + 1}) is the gradient at the ${through[through.length - 1]!.layer.kind}'s output; the stages before took it back to a(${l}).`,
      };
    }
    const terms = next.map((_, k) => `${sym('Θ', `${k + 1}${j + 1}`, l)}·${sym('δ', `${k + 1}`, l + 1)}`);
    const filled = next.map((d, k) => `(${num(theta[k]![j + 1]!)})(${num(d)})`);
    const factor = gPrime === undefined ? '' : ` · g′(${sym('z', `${j + 1}`, l)})`;
    const factorValue = gPrime === undefined ? '' : ` · ${num(gPrime)}`;
    return {
      title: `Backward: δ(${l}) = (Θ(${l}))ᵀ δ(${l + 1}) .* g′(z(${l})), bias row dropped`,
      values,
      litLayer: l - 1,
      focus: { column: l - 1, unit: j },
      litFromFocus: true,
      formula: `${sym('δ', `${j + 1}`, l)} = (${terms.join(' + ')})${factor}<br>= (${filled.join(' + ')})${factorValue} = <b>${num(delta)}</b>`,
    };
  }

  // Gradient of Θ(l): Δ(l) = δ(l+1)[1; a(l)]ᵀ summed over examples, D(l) = Δ(l)/m + (λ/m)∂R/∂Θ.
  put(l - 1, l === 1 ? 'x' : 'a', row(units[l - 1]!.a));
  put(l, 'δ', row(units[l]!.delta));
  const j = clampUnit(unit, row(units[l]!.a).length);
  const weights = trace.weights[l - 1]!;
  const a = [1, ...row(denseInput(trace, l))];
  const gradientRow = a.map((ak, k) => ({ k, a: ak, Delta: weights.Delta[j]![k]!, D: weights.D[j]![k]! }));
  const { m, lambda } = trace;
  const first = gradientRow[1]!;
  const penalty = first.D - first.Delta / m;
  const d = sym('δ', `${j + 1}`, l + 1);
  return {
    title: `Gradient: Δ(${l}) = δ(${l + 1})·[1; a(${l})]ᵀ, D(${l}) = Δ(${l})/m + (λ/m)·∂R/∂Θ(${l})`,
    values,
    litLayer: l - 1,
    focus: { column: l, unit: j },
    litFromFocus: false,
    gradientRow,
    formula:
      `${sym('Δ', `${j + 1}1`, l)} = ${d}·${sym(l === 1 ? 'x' : 'a', '1', l === 1 ? undefined : l)} = ` +
      `(${num(row(units[l]!.delta)[j]!)})(${num(first.a)}) = <b>${num(first.Delta)}</b><br>` +
      `${sym('D', `${j + 1}1`, l)} = ${sym('Δ', `${j + 1}1`, l)}/m + (λ/m)·∂R/∂${sym('Θ', `${j + 1}1`, l)} ` +
      `= ${num(first.Delta)}/${m} + (${num(lambda)}/${m})·${names.regularizer}′(${num(trace.weights[l - 1]!.theta[j]![1]!)}) ` +
      `= ${num(first.Delta / m)} + (${num(penalty)}) = <b>${num(first.D)}</b><br>` +
      `(bias column k = 0 has no λ term: ${sym('D', `${j + 1}0`, l)} = ${sym('Δ', `${j + 1}0`, l)}/m = ${num(gradientRow[0]!.D)})`,
  };
}

/**
 * δ(L) when no fused rule applies: for squared error ∂ℓ/∂a = a − y, so δ = (a − y)·g′(z) with
 * numbers; for other losses the general form with the trace's value.
 */
function outputDelta(trace: BackpropTrace, j: number, y: number, names: StageNames): string {
  const out = trace.units[trace.units.length - 1]!;
  const L = trace.units.length;
  const [a, z, gPrime, delta] = [out.a[0]![j]!, out.z?.[0]?.[j], out.gPrime?.[0]?.[j], out.delta![0]![j]!];
  const dj = sym('δ', `${j + 1}`, L);
  if (names.loss === 'mean-squared-error' && gPrime !== undefined && z !== undefined) {
    return (
      `${dj} = (${sym('a', `${j + 1}`, L)} − y<sub>${j + 1}</sub>)·g′(${sym('z', `${j + 1}`, L)}) ` +
      `= (${num(a)} − ${num(y)})·${num(gPrime)} = <b>${num(delta)}</b><br>` +
      `(squared error ½(a − y)²: ∂ℓ/∂a = a − y; g′(${num(z)}) = ${num(gPrime)})`
    );
  }
  return `${dj} = ∂ℓ/∂${sym('a', `${j + 1}`, L)} · g′(${sym('z', `${j + 1}`, L)}) = <b>${num(delta)}</b>`;
}

function clampUnit(unit: number, count: number): number {
  return Math.max(0, Math.min(count - 1, unit));
}
