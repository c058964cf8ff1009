// The derivative check: backward(z, g(z), u) against the central difference of S(z) = Σ u .* g(z)
// in float64, element by element: ∂S/∂zⱼ ≈ (S(z + h·eⱼ) − S(z − h·eⱼ)) / 2h.
import type { ActivationPlugin, Matrix } from '@deltanet/contract';
import { clone, zeros } from '@deltanet/tensor';
import { describeNumber, sameNumber } from './report';

// Relative step h = STEP·max(1, |z|): truncation error ~h²·g‴/6 stays near 1e-12 relative while
// round-off ~ε·|g|/h stays near 1e-10.
const STEP = 1e-6;

// g itself is trusted only to a few ulps, so the difference quotient carries an uncertainty of
// about ULPS·ε·Σᵢ|uᵢgᵢ| / 2h over the perturbed row; a discrepancy below that says nothing about
// the derivative (sigmoid at z = 30: g′ = 9e-14 is below what the quotient can resolve).
const ULPS = 16;

/**
 * Compares `plugin.backward` with central differences of Σ u .* g(z) for every element of z
 * (float64) inside `domain`, reporting failures through `fail`. Also checks that perturbing zⱼ
 * moves only its own row (rows are examples), and only aⱼ itself when the plugin declares scalar
 * forms. Returns the largest relative error found.
 */
export function checkGradient(
  plugin: ActivationPlugin,
  z: Matrix,
  u: Matrix,
  tolerance: number,
  domain: readonly [number, number],
  fail: (message: string) => void,
): number {
  const { rows, cols } = z;
  const n = rows * cols;
  const a = zeros(rows, cols);
  const analytic = zeros(rows, cols);
  plugin.forward(z, a);
  plugin.backward(z, a, u, analytic);

  const probe = clone(z, 'float64');
  const plus = zeros(rows, cols);
  const minus = zeros(rows, cols);
  const elementwise = plugin.output !== undefined;
  let maxRelativeError = 0;
  let failed = 0;
  let worst = '';
  let coupling = '';
  let checked = 0;
  for (let j = 0; j < n; j++) {
    const zj = probe.data[j]!;
    if (!(zj >= domain[0] && zj <= domain[1])) continue;
    checked++;
    const h = STEP * Math.max(1, Math.abs(zj));
    const hi = zj + h;
    const lo = zj - h;
    probe.data[j] = hi;
    plugin.forward(probe, plus);
    probe.data[j] = lo;
    plugin.forward(probe, minus);
    probe.data[j] = zj;

    const rowStart = j - (j % cols);
    let difference = 0;
    let magnitude = 0;
    for (let i = 0; i < n; i++) {
      const p = plus.data[i]!;
      const m = minus.data[i]!;
      const outsideRow = i < rowStart || i >= rowStart + cols;
      if ((outsideRow || (elementwise && i !== j)) && !sameNumber(p, m) && coupling === '') {
        coupling =
          `perturbing z[${j}] changed a[${i}]: ` +
          (outsideRow
            ? 'rows (examples) must be independent'
            : 'an activation with scalar output must be elementwise');
      }
      if (outsideRow) continue;
      // An unchanged value adds exactly 0, even when it is ±Infinity outside the domain.
      if (p !== m) difference += u.data[i]! * (p - m);
      if (Number.isFinite(p) && Number.isFinite(m)) {
        magnitude += Math.abs(u.data[i]!) * Math.max(Math.abs(p), Math.abs(m));
      }
    }
    // hi − lo is the step actually taken once z ± h are rounded.
    const width = hi - lo;
    const numeric = difference / width;
    const noise = (ULPS * Number.EPSILON * magnitude) / width;
    const error = relativeError(analytic.data[j]!, numeric, noise / tolerance);
    if (!(error <= tolerance)) failed++;
    if (!(error <= maxRelativeError)) {
      maxRelativeError = error;
      worst = `z = ${describeNumber(zj)}, u = ${describeNumber(u.data[j]!)}: backward gives ${describeNumber(analytic.data[j]!)}, the central difference ${describeNumber(numeric)}`;
    }
  }
  if (failed > 0) {
    fail(
      `gradient: backward disagrees with the float64 central difference at ${failed} of ${checked} points ` +
        `(relative error up to ${describeNumber(maxRelativeError)} > ${tolerance}); worst at ${worst}`,
    );
  }
  if (coupling !== '') fail(`gradient: ${coupling}`);
  if (checked === 0) fail(`gradient: no sample z lies in [${domain[0]}, ${domain[1]}]; nothing was verified`);
  return maxRelativeError;
}

/**
 * |x − y| / max(|x|, |y|, floor): plain relative error, except that derivatives smaller than
 * `floor` (the smallest the difference quotient can confirm to the tolerance) are measured
 * against the floor. Infinity when either is NaN or infinite; 0 when both are 0.
 */
function relativeError(x: number, y: number, floor: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Number.POSITIVE_INFINITY;
  const difference = Math.abs(x - y);
  return difference === 0 ? 0 : difference / Math.max(Math.abs(x), Math.abs(y), floor);
}
