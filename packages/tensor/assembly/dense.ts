// A small dense network's whole training evaluation in one call: the forward pass, the output
// delta a(L) − y, the backward pass and D(l) = Δ(l)/m, for networks whose products are too small
// to repay a call each (B3's 2-8-8-1 at batch 10 makes ~30 calls per step the other way).
// Every number is computed as the network's general passes compute it with the js backend's
// products and @deltanet/activations' loops: each sum over p in order, in float64, each stored
// value rounded once to T. So the results are bit-identical to those passes
// (src/backends/wasm-dense.test.ts holds them to it); only the lanes run two at a time.

import { loadPair, storePair } from './pairs';
import { tanh, tanhBackward } from './tanh';
import { logistic, logisticBackward } from './vector';

// The activation kernels, numbered by their index in @deltanet/contract's activationKernels
// (src/backends/wasm-dense.ts writes those numbers; its test reads these constants).
const IDENTITY = 0;
const LOGISTIC = 1;
const TANH = 2;
const RELU = 3;

// The call's descriptor: float64 slots holding whole numbers (byte addresses and sizes), written
// by src/backends/wasm-dense.ts. A header, then one record per weight layer.
const HEADER = 5; // layers L, rows m, x, y, work
const RECORD = 8; // s(l), s(l+1), kernel, Θ, z, a, δ, D

// @ts-expect-error: decorator
@inline function slot(desc: usize, index: i32): i32 {
  return <i32>load<f64>(desc + (<usize>index << 3));
}

// @ts-expect-error: decorator
@inline function field(desc: usize, layer: i32, index: i32): i32 {
  return slot(desc, HEADER + layer * RECORD + index);
}

/**
 * C[i, j] ← α·Σₚ A(i, p)·B(p, j) (+ bias[j] when `bias` is not 0) for i < m, j < n, p < k: each
 * sum over p in order from 0 in float64, then α·sum (+ bias) rounded once to T, as the js
 * backend's store with β = 1 onto a C that holds the bias (the forward pass's bias-first z).
 * A(i, p) is at a + (i·aRow + p·aCol) elements; B's rows are contiguous (B(p, j) at
 * b + p·ldb + j) so its columns go two to a lane pair; C's rows are contiguous with stride ldc.
 */
function product<T>(
  m: i32,
  n: i32,
  k: i32,
  alpha: f64,
  a: usize,
  aRow: i32,
  aCol: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  bias: usize,
): void {
  const S = <usize>sizeof<T>();
  const scale = f64x2.splat(alpha);
  const aStep = <usize>aCol * S;
  const bStep = <usize>ldb * S;
  const aNext = <usize>aRow * S;
  const cNext = <usize>ldc * S;
  let i = 0;
  // Two rows at a time: each load of B serves both, and twice the sums are in flight.
  for (; i + 1 < m; i += 2) {
    const a0 = a + <usize>(i * aRow) * S;
    const c0 = c + <usize>(i * ldc) * S;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s00 = f64x2.splat(0);
      let s01 = f64x2.splat(0);
      let s10 = f64x2.splat(0);
      let s11 = f64x2.splat(0);
      let pa = a0;
      let pb = b + <usize>j * S;
      for (let p = 0; p < k; p++) {
        const x0 = splatAt<T>(pa);
        const x1 = splatAt<T>(pa + aNext);
        const y0 = loadPair<T>(pb);
        const y1 = loadPair<T>(pb + 2 * S);
        s00 = f64x2.add(s00, f64x2.mul(x0, y0));
        s01 = f64x2.add(s01, f64x2.mul(x0, y1));
        s10 = f64x2.add(s10, f64x2.mul(x1, y0));
        s11 = f64x2.add(s11, f64x2.mul(x1, y1));
        pa += aStep;
        pb += bStep;
      }
      const cj = c0 + <usize>j * S;
      const bj = bias + <usize>j * S;
      storeScaled<T>(cj, s00, scale, bias, bj);
      storeScaled<T>(cj + 2 * S, s01, scale, bias, bj + 2 * S);
      storeScaled<T>(cj + cNext, s10, scale, bias, bj);
      storeScaled<T>(cj + cNext + 2 * S, s11, scale, bias, bj + 2 * S);
    }
    for (; j + 1 < n; j += 2) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      let pa = a0;
      let pb = b + <usize>j * S;
      for (let p = 0; p < k; p++) {
        const y = loadPair<T>(pb);
        s0 = f64x2.add(s0, f64x2.mul(splatAt<T>(pa), y));
        s1 = f64x2.add(s1, f64x2.mul(splatAt<T>(pa + aNext), y));
        pa += aStep;
        pb += bStep;
      }
      const cj = c0 + <usize>j * S;
      const bj = bias + <usize>j * S;
      storeScaled<T>(cj, s0, scale, bias, bj);
      storeScaled<T>(cj + cNext, s1, scale, bias, bj);
    }
    if (j < n) {
      // The last column of both rows as the two lanes of one sum.
      let s = f64x2.splat(0);
      let pa = a0;
      let pb = b + <usize>j * S;
      for (let p = 0; p < k; p++) {
        const x = f64x2.replace_lane(splatAt<T>(pa), 1, <f64>load<T>(pa + aNext));
        s = f64x2.add(s, f64x2.mul(x, f64x2.splat(<f64>load<T>(pb))));
        pa += aStep;
        pb += bStep;
      }
      const value = f64x2.mul(scale, s);
      const bj = bias + <usize>j * S;
      storeOne<T>(c0 + <usize>j * S, f64x2.extract_lane(value, 0), bias, bj);
      storeOne<T>(c0 + cNext + <usize>j * S, f64x2.extract_lane(value, 1), bias, bj);
    }
  }
  if (i < m) {
    const a0 = a + <usize>(i * aRow) * S;
    const c0 = c + <usize>(i * ldc) * S;
    let j = 0;
    for (; j + 1 < n; j += 2) {
      let s = f64x2.splat(0);
      let pa = a0;
      let pb = b + <usize>j * S;
      for (let p = 0; p < k; p++) {
        s = f64x2.add(s, f64x2.mul(splatAt<T>(pa), loadPair<T>(pb)));
        pa += aStep;
        pb += bStep;
      }
      storeScaled<T>(c0 + <usize>j * S, s, scale, bias, bias + <usize>j * S);
    }
    if (j < n) {
      let s: f64 = 0;
      let pa = a0;
      let pb = b + <usize>j * S;
      for (let p = 0; p < k; p++) {
        s += <f64>load<T>(pa) * <f64>load<T>(pb);
        pa += aStep;
        pb += bStep;
      }
      storeOne<T>(c0 + <usize>j * S, alpha * s, bias, bias + <usize>j * S);
    }
  }
}

/** The T at `at`, widened to float64, in both lanes (one broadcast load, then a widening). */
// @ts-expect-error: decorator
@inline function splatAt<T>(at: usize): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load32_splat(at));
  return v128.load64_splat(at);
}

/** C ← value (+ the bias at `from` when there is one), rounded to T. */
// @ts-expect-error: decorator
@inline function storeOne<T>(at: usize, value: f64, bias: usize, from: usize): void {
  store<T>(at, <T>(bias != 0 ? value + <f64>load<T>(from) : value));
}

// @ts-expect-error: decorator
@inline function storeScaled<T>(at: usize, sums: v128, scale: v128, bias: usize, from: usize): void {
  const value = f64x2.mul(scale, sums);
  storePair<T>(at, bias != 0 ? f64x2.add(value, loadPair<T>(from)) : value);
}

/** a = g(z) over n values, g by kernel number. */
function activate<T>(kernel: i32, z: usize, a: usize, n: i32): void {
  const S = <usize>sizeof<T>();
  if (kernel == LOGISTIC) logistic<T>(z, a, n);
  else if (kernel == TANH) tanh<T>(z, a, n);
  else if (kernel == RELU) {
    for (let i = 0; i < n; i++) store<T>(a + <usize>i * S, <T>max<f64>(0, <f64>load<T>(z + <usize>i * S)));
  } else if (kernel == IDENTITY) memory.copy(a, z, <usize>n * S);
}

/** u ← u·g'(z) over n values (in place), from z and a = g(z), g by kernel number. */
function activateBackward<T>(kernel: i32, z: usize, a: usize, u: usize, n: i32): void {
  const S = <usize>sizeof<T>();
  if (kernel == LOGISTIC) {
    logisticBackward<T>(a, u, u, n);
  } else if (kernel == TANH) {
    tanhBackward<T>(a, u, u, n);
  } else if (kernel == RELU) {
    for (let i = 0; i < n; i++) {
      const at = <usize>i * S;
      const slope: f64 = <f64>load<T>(z + at) > 0 ? 1 : 0;
      store<T>(u + at, <T>(<f64>load<T>(u + at) * slope));
    }
  }
  // The identity's u·1 is u itself.
}

/**
 * One evaluation of the network the descriptor at `desc` describes (see HEADER and RECORD): z, a
 * and δ of every layer and D(l) = Δ(l)/m without a penalty, all written where it says.
 */
function denseStep<T>(desc: usize): void {
  const S = <usize>sizeof<T>();
  const layers = slot(desc, 0);
  const m = slot(desc, 1);
  const x = <usize>slot(desc, 2);
  const y = <usize>slot(desc, 3);
  const work = <usize>slot(desc, 4);
  // Forward: z = [1, input]·Θᵀ as the general pass sums it (the product, then + bias), a = g(z).
  let input = x;
  for (let l = 0; l < layers; l++) {
    const inputs = field(desc, l, 0);
    const units = field(desc, l, 1);
    const theta = <usize>field(desc, l, 3);
    const z = <usize>field(desc, l, 4);
    const a = <usize>field(desc, l, 5);
    const cols = inputs + 1;
    // `work` gets the bias weights, then Θ without its bias column transposed
    // (Θᵀ[p, j] = Θ[j, 1 + p]), so the product's B has contiguous rows.
    const transposed = work + <usize>units * S;
    for (let j = 0; j < units; j++) {
      const row = theta + <usize>(j * cols) * S;
      store<T>(work + <usize>j * S, load<T>(row));
      for (let p = 0; p < inputs; p++) {
        store<T>(transposed + <usize>(p * units + j) * S, load<T>(row + <usize>(1 + p) * S));
      }
    }
    product<T>(m, units, inputs, 1, input, inputs, 1, transposed, units, z, units, work);
    activate<T>(field(desc, l, 2), z, a, m * units);
    input = a;
  }
  // δ(L) = a(L) − y.
  const last = layers - 1;
  const outputs = m * field(desc, last, 1);
  const h = <usize>field(desc, last, 5);
  const top = <usize>field(desc, last, 6);
  for (let i = 0; i < outputs; i++) {
    const at = <usize>i * S;
    store<T>(top + at, <T>(<f64>load<T>(h + at) - <f64>load<T>(y + at)));
  }
  // Backward: D(l) = δ(l+1)ᵀ·[1, a(l)] / m, then δ(l) = (δ(l+1)·Θ(l)[:, 1:]) .* g'(z(l)).
  const scale = 1 / <f64>m;
  for (let l = last; l >= 0; l--) {
    const inputs = field(desc, l, 0);
    const units = field(desc, l, 1);
    const theta = <usize>field(desc, l, 3);
    const delta = <usize>field(desc, l, 6);
    const gradient = <usize>field(desc, l, 7);
    const cols = inputs + 1;
    const below = l == 0 ? x : <usize>field(desc, l - 1, 5);
    product<T>(units, inputs, m, scale, delta, 1, units, below, inputs, gradient + S, cols, 0);
    // D(l)'s bias column: (1/m)·Σᵢ δ(l+1)ᵢ, two units at a time, each sum over i in order.
    const rowBytes = <usize>units * S;
    let j = 0;
    for (; j + 1 < units; j += 2) {
      let sums = f64x2.splat(0);
      let at = delta + <usize>j * S;
      for (let i = 0; i < m; i++) {
        sums = f64x2.add(sums, loadPair<T>(at));
        at += rowBytes;
      }
      const scaled = f64x2.mul(f64x2.splat(scale), sums);
      store<T>(gradient + <usize>(j * cols) * S, <T>f64x2.extract_lane(scaled, 0));
      store<T>(gradient + <usize>((j + 1) * cols) * S, <T>f64x2.extract_lane(scaled, 1));
    }
    if (j < units) {
      let sum: f64 = 0;
      for (let i = 0; i < m; i++) sum += <f64>load<T>(delta + <usize>(i * units + j) * S);
      store<T>(gradient + <usize>(j * cols) * S, <T>(scale * sum));
    }
    if (l == 0) break;
    const error = <usize>field(desc, l - 1, 6);
    product<T>(m, inputs, units, 1, delta, units, 1, theta + S, cols, error, inputs, 0);
    activateBackward<T>(field(desc, l - 1, 2), <usize>field(desc, l - 1, 4), below, error, m * inputs);
  }
}

export function denseStep32(desc: usize): void {
  denseStep<f32>(desc);
}

export function denseStep64(desc: usize): void {
  denseStep<f64>(desc);
}
