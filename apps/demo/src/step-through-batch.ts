// The minibatch end of the step-through: Δ(l) accumulating example by example over the m
// examples of a batch, D(l) = Δ(l)/m + (λ/m)·∂R/∂Θ(l), and the step Θ(l) := Θ(l) − αD(l),
// every number from the library's traceBackprop.
import type { BackpropTrace } from '@deltanet/backprop';
import { formatNumber as num } from './format';
import { sym } from './math-html';
import type { StageNames, StageView } from './stage-view';
import { denseInput } from './step-through-layers';

type Part = Omit<StageView, 'values' | 'litLayer' | 'litFromFocus'>;

/** Δⱼ₁(l) = Σᵢ δⱼ(l+1)(i)·a₁(l)(i) built up over the examples, then row j of D(l). */
export function accumulateView(trace: BackpropTrace, l: number, j: number, names: StageNames): Part {
  const { m, lambda } = trace;
  const deltas = trace.units[l]!.delta!;
  // What Θ(l) multiplied: a(l), or the output of a batch-norm or dropout after layer l.
  const inputs = denseInput(trace, l);
  const weights = trace.weights[l - 1]!;
  let sum = 0;
  const accumulation = deltas.map((row, i) => {
    const term = row[j]! * inputs[i]![0]!;
    sum += term;
    return { i, delta: row[j]!, a: inputs[i]![0]!, term, sum };
  });
  const gradientRow = [1, ...inputs[0]!].map((_, k) => ({
    k,
    a: k === 0 ? 1 : inputs[0]![k - 1]!,
    Delta: weights.Delta[j]![k]!,
    D: weights.D[j]![k]!,
  }));
  const first = gradientRow[1]!;
  const penalty = first.D - first.Delta / m;
  const a1 = sym(l === 1 ? 'x' : 'a', '1', l === 1 ? undefined : l);
  return {
    title: `Gradient over the minibatch: Δ(${l}) = Σᵢ δ(${l + 1})(i)·[1; a(${l})(i)]ᵀ over m = ${m} examples, D(${l}) = Δ(${l})/m + (λ/m)·∂R/∂Θ(${l})`,
    focus: { column: l, unit: j },
    gradientRow,
    accumulation,
    formula:
      `${sym('Δ', `${j + 1}1`, l)} = Σ<sub>i=1..${m}</sub> ${sym('δ', `${j + 1}`, l + 1)}(i)·${a1}(i) = <b>${num(sum)}</b> (the table adds it up)<br>` +
      `${sym('D', `${j + 1}1`, l)} = ${sym('Δ', `${j + 1}1`, l)}/m + (λ/m)·${names.regularizer}′(${sym('Θ', `${j + 1}1`, l)}) ` +
      `= ${num(first.Delta)}/${m} + (${num(lambda)}/${m})·${names.regularizer}′(${num(weights.theta[j]![1]!)}) ` +
      `= ${num(first.Delta / m)} + (${num(penalty)}) = <b>${num(first.D)}</b>`,
  };
}

/** Row j of the step Θ(l) := Θ(l) − αD(l). */
export function updateView(trace: BackpropTrace, l: number, j: number, names: StageNames): Part {
  const weights = trace.weights[l - 1]!;
  const alpha = names.learningRate ?? 0;
  const updateRow = weights.theta[j]!.map((theta, k) => {
    const D = weights.D[j]![k]!;
    return { k, theta, D, next: theta - alpha * D };
  });
  const first = updateRow[1] ?? updateRow[0]!;
  const note =
    names.optimizer && names.optimizer !== 'sgd'
      ? `<br>(this is plain gradient descent; ${names.optimizer}, which is training, scales each step its own way)`
      : '';
  return {
    title: `Update: Θ(${l}) := Θ(${l}) − α·D(${l}), α = ${num(alpha)}`,
    focus: { column: l, unit: j },
    updateRow,
    formula:
      `${sym('Θ', `${j + 1}${first.k}`, l)} := ${sym('Θ', `${j + 1}${first.k}`, l)} − α·${sym('D', `${j + 1}${first.k}`, l)} ` +
      `= ${num(first.theta)} − ${num(alpha)}·(${num(first.D)}) = <b>${num(first.next)}</b>${note}`,
  };
}
