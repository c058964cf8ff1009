// checkLoss's part for a fused delta that declares a value from z: the value must be the loss's
// own where the loss is exact, and the fused delta must be its gradient in z even where the
// output has saturated, which is the case the value from z exists for.
import type { FusedDelta, LossPlugin, Matrix, Random } from '@deltanet/contract';
import { zeros } from '@deltanet/tensor';
import type { Tally } from './internal/check';
import { compareEntries, expectFinite, nanLike, uniformMatrix } from './internal/check';

/** The activation a fused delta is checked with (forward only is needed here). */
export interface FusedValueActivation {
  forward(z: Matrix, out: Matrix): void;
}

/**
 * 1. On z in (−3, 3), where no clamp acts, `fused.value(z, g(z), y)` is `plugin.value(g(z), y)`
 *    bit for bit.
 * 2. On z in (−40, 40), saturated outputs included, `fused.delta(g(z), y)` equals the central
 *    difference of `fused.value(z, g(z), y)` in each zᵢ (with step `step`, relative `tolerance`
 *    against max(1, |·|)).
 */
export function checkFusedValue(
  tally: Tally,
  plugin: LossPlugin,
  fused: FusedDelta,
  activation: FusedValueActivation,
  makeY: () => Matrix,
  rows: number,
  cols: number,
  random: Random,
  step: number,
  tolerance: number,
): void {
  const value = fused.value;
  if (!value) return;
  const what = `fused value for "${fused.activation}"`;
  const valueAt = (z: Matrix, y: Matrix) => {
    const h = nanLike(z);
    activation.forward(z, h);
    return value.call(fused, z, h, y);
  };

  const z = uniformMatrix(rows, cols, -3, 3, random);
  const y = makeY();
  const h = nanLike(z);
  activation.forward(z, h);
  const fromZ = value.call(fused, z, h, y);
  const fromH = plugin.value(h, y);
  if (!Object.is(fromZ, fromH)) {
    tally.failures.push(
      `${what} must equal value(h, y) bit for bit where no clamp acts: ${fromZ} vs ${fromH} (z in (−3, 3))`,
    );
  }

  const wide = uniformMatrix(rows, cols, -40, 40, random);
  const target = makeY();
  const hWide = nanLike(wide);
  activation.forward(wide, hWide);
  const delta = nanLike(wide);
  fused.delta(hWide, target, delta);
  expectFinite(tally, `${what}: fused delta at saturated z`, delta);
  const numeric = zeros(rows, cols);
  for (let i = 0; i < wide.data.length; i++) {
    const saved = wide.data[i]!;
    wide.data[i] = saved + step;
    const plus = valueAt(wide, target);
    const up = wide.data[i]!;
    wide.data[i] = saved - step;
    const minus = valueAt(wide, target);
    const span = up - wide.data[i]!;
    wide.data[i] = saved;
    numeric.data[i] = (plus - minus) / span;
  }
  compareEntries(
    tally,
    `fused delta for "${fused.activation}" vs central difference of its value in z (z in (−40, 40))`,
    delta.data,
    numeric.data,
    cols,
    tolerance,
  );
}
