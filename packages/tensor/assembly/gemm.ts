// Packed, register-blocked SIMD GEMM over raw linear memory, compiled by AssemblyScript to the
// wasm behind the `wasm` backend: C ← α·op(A)·op(B) + β·C, row-major, as GemmArgs describes.
// One generic kernel for f32 (4 lanes) and f64 (2 lanes); Goto's loop order: a KC × NC panel of
// op(B) and an MC × KC block of op(A) are packed so the micro-kernel reads both contiguously,
// whatever the transposition, and keeps an MR × (2 vectors) tile of C in registers.

import { dotNT } from './dot';

// Widest C (columns) that A·Bᵀ computes as dot products instead of packed tiles: narrow
// products (z = a·Θᵀ with few units, over many examples) would otherwise pack all of A for a
// handful of B slivers, the last mostly padding.
const DOT_MAX_N: i32 = 32;
// Shallower than this, each dot product's horizontal sums and scalar tail outweigh its loop.
const DOT_MIN_K: i32 = 64;
// Deepest product whose untransposed B the micro-kernel reads in place, unpacked, and the most
// rows of A for which it does so at any depth.
const SHORT_K: i32 = 32;
const FEW_ROWS: i32 = 32;
// Micro-tile rows. 4 rows × 2 vectors = 8 accumulators + 2 B vectors + 1 broadcast A: 11 of
// the 15 SIMD registers V8 hands out on x64, so nothing spills.
const MR: i32 = 4;
// Depth of a packed panel: a KC × NR sliver of B (8 KiB in f32) stays in L1 across a block of A.
const KC: i32 = 256;
// Rows of A per packed block (MC × KC, 128 KiB in f32, sits in L2).
const MC: i32 = 128;
// Columns of B per packed panel (KC × NC, 512 KiB in f32).
const NC: i32 = 512;

/** Bytes of scratch `work` must point at: packed B panel, packed A block and one C tile. */
export function workBytes64(): i32 {
  return (NC * KC + MC * KC + MR * 4) * 8;
}

/** C ← α·op(A)·op(B) + β·C on float32 operands at byte addresses a, b, c. */
export function gemm32(
  transA: bool,
  transB: bool,
  m: i32,
  n: i32,
  k: i32,
  alpha: f32,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  beta: f32,
  c: usize,
  ldc: i32,
  work: usize,
): void {
  gemm<f32>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, work);
}

/** C ← α·op(A)·op(B) + β·C on float64 operands at byte addresses a, b, c. */
export function gemm64(
  transA: bool,
  transB: bool,
  m: i32,
  n: i32,
  k: i32,
  alpha: f64,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  beta: f64,
  c: usize,
  ldc: i32,
  work: usize,
): void {
  gemm<f64>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, work);
}

// @ts-expect-error: decorator
@inline
function nr<T>(): i32 {
  // Two vectors per micro-tile row: 8 floats or 4 doubles.
  return 32 / sizeof<T>();
}

function gemm<T>(
  transA: bool,
  transB: bool,
  m: i32,
  n: i32,
  k: i32,
  alpha: T,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  beta: T,
  c: usize,
  ldc: i32,
  work: usize,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    scale<T>(m, n, beta, c, ldc);
    return;
  }
  if (!transA && transB && n <= DOT_MAX_N && k >= DOT_MIN_K) {
    dotNT<T>(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return;
  }
  const S = sizeof<T>();
  const NR = nr<T>();
  const packB = work;
  const packA = packB + <usize>(NC * KC) * S;
  const tile = packA + <usize>(MC * KC) * S;
  // Untransposed B of whole slivers already holds each sliver's NR values contiguously in its
  // rows, so the micro-kernel can read B in place. It pays when packing would be a sizeable
  // part of the product: a short depth (the output layer's δ·Θ, k = 10, whose few rows stay
  // in L1), or few rows of A (B2's weight gradient δᵀ·x, m = 25), where each packed panel would
  // serve at most FEW_ROWS / MR slivers of A.
  const bInPlace = !transB && (k <= SHORT_K || m <= FEW_ROWS) && n % NR == 0;
  const stepB: usize = bInPlace ? <usize>ldb * S : <usize>NR * S;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      // Later depth panels add onto what the first one wrote: β applies once.
      const betaNow: T = pc == 0 ? beta : <T>1;
      if (!bInPlace) packPanelB<T>(transB, b, ldb, pc, jc, kc, nc, packB);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packBlockA<T>(transA, a, lda, ic, pc, mc, kc, packA);
        for (let jr = 0; jr < nc; jr += NR) {
          const nrNow = min(NR, nc - jr);
          const pb = bInPlace ? b + <usize>(pc * ldb + jc + jr) * S : packB + <usize>(jr * kc) * S;
          for (let ir = 0; ir < mc; ir += MR) {
            const mrNow = min(MR, mc - ir);
            const pa = packA + <usize>(ir * kc) * S;
            const at = c + <usize>((ic + ir) * ldc + jc + jr) * S;
            micro<T>(kc, pa, pb, stepB, alpha, betaNow, at, ldc, mrNow, nrNow, tile);
          }
        }
      }
    }
  }
}

/** C ← β·C (k = 0: an empty sum); β = 0 writes zeros whatever C held. */
function scale<T>(m: i32, n: i32, beta: T, c: usize, ldc: i32): void {
  const S = sizeof<T>();
  for (let i = 0; i < m; i++) {
    const row = c + <usize>(i * ldc) * S;
    for (let j = 0; j < n; j++) {
      const at = row + <usize>j * S;
      store<T>(at, beta == 0 ? <T>0 : beta * load<T>(at));
    }
  }
}

/**
 * Packs op(A)[i0 : i0+mc, p0 : p0+kc] as MR-row slivers, each k-major (element (p, r) at
 * p·MR + r), rows past mc zero. Transposed A has the MR values of one p contiguous.
 */
function packBlockA<T>(transA: bool, a: usize, lda: i32, i0: i32, p0: i32, mc: i32, kc: i32, dst: usize): void {
  const S = sizeof<T>();
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    let d = dst + <usize>(ir * kc) * S;
    if (transA) {
      for (let p = 0; p < kc; p++) {
        const src = a + <usize>((p0 + p) * lda + i0 + ir) * S;
        if (mr == MR) {
          for (let q: usize = 0; q < <usize>MR * S; q += 16) v128.store(d + q, v128.load(src + q));
        } else {
          for (let r = 0; r < MR; r++) store<T>(d + <usize>r * S, r < mr ? load<T>(src + <usize>r * S) : <T>0);
        }
        d += <usize>MR * S;
      }
    } else {
      let p = 0;
      if (sizeof<T>() == 4 && mr == MR) {
        // Four rows × four depths at a time, transposed in registers: the strided gather that
        // dominates skinny products (n small, A large) becomes four loads and four stores.
        const row = <usize>lda * S;
        const src = a + <usize>((i0 + ir) * lda + p0) * S;
        for (; p + 3 < kc; p += 4) {
          const at = src + <usize>p * S;
          transpose4(d + <usize>(p * MR) * S, v128.load(at), v128.load(at + row), v128.load(at + 2 * row), v128.load(at + 3 * row));
        }
      }
      for (let r = 0; r < MR; r++) {
        const src = a + <usize>((i0 + ir + r) * lda + p0) * S;
        for (let q = p; q < kc; q++) {
          store<T>(d + <usize>(q * MR + r) * S, r < mr ? load<T>(src + <usize>q * S) : <T>0);
        }
      }
    }
  }
}

/**
 * Packs op(B)[p0 : p0+kc, j0 : j0+nc] as NR-column slivers, each k-major (element (p, c) at
 * p·NR + c), columns past nc zero. Untransposed B has the NR values of one p contiguous.
 */
function packPanelB<T>(transB: bool, b: usize, ldb: i32, p0: i32, j0: i32, kc: i32, nc: i32, dst: usize): void {
  const S = sizeof<T>();
  const NR = nr<T>();
  for (let jr = 0; jr < nc; jr += NR) {
    const w = min(NR, nc - jr);
    let d = dst + <usize>(jr * kc) * S;
    if (!transB) {
      for (let p = 0; p < kc; p++) {
        const src = b + <usize>((p0 + p) * ldb + j0 + jr) * S;
        if (w == NR) {
          v128.store(d, v128.load(src));
          v128.store(d + 16, v128.load(src + 16));
        } else {
          for (let q = 0; q < NR; q++) store<T>(d + <usize>q * S, q < w ? load<T>(src + <usize>q * S) : <T>0);
        }
        d += <usize>NR * S;
      }
    } else {
      let p = 0;
      if (sizeof<T>() == 4 && w == NR) {
        // Eight stored rows (the sliver's columns) × four depths: two 4 × 4 transposes.
        const row = <usize>ldb * S;
        const src = b + <usize>((j0 + jr) * ldb + p0) * S;
        for (; p + 3 < kc; p += 4) {
          const at = src + <usize>p * S;
          const to = d + <usize>(p * NR) * S;
          transpose4Strided(to, v128.load(at), v128.load(at + row), v128.load(at + 2 * row), v128.load(at + 3 * row));
          const at4 = at + 4 * row;
          transpose4Strided(to + 16, v128.load(at4), v128.load(at4 + row), v128.load(at4 + 2 * row), v128.load(at4 + 3 * row));
        }
      }
      for (let q = 0; q < NR; q++) {
        const src = b + <usize>((j0 + jr + q) * ldb + p0) * S;
        for (let t = p; t < kc; t++) {
          store<T>(d + <usize>(t * NR + q) * S, q < w ? load<T>(src + <usize>t * S) : <T>0);
        }
      }
    }
  }
}

/** Rows x0…x3 of a 4 × 4 f32 block, written as its columns to 16-byte rows at `to`. */
// @ts-ignore: decorator
@inline
function transpose4(to: usize, x0: v128, x1: v128, x2: v128, x3: v128): void {
  const t0 = v128.shuffle<f32>(x0, x1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(x0, x1, 2, 6, 3, 7);
  const t2 = v128.shuffle<f32>(x2, x3, 0, 4, 1, 5);
  const t3 = v128.shuffle<f32>(x2, x3, 2, 6, 3, 7);
  v128.store(to, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
  v128.store(to, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7), 16);
  v128.store(to, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5), 32);
  v128.store(to, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7), 48);
}

/** As transpose4, but the columns go to rows 32 bytes apart (half of a packed B row each). */
// @ts-ignore: decorator
@inline
function transpose4Strided(to: usize, x0: v128, x1: v128, x2: v128, x3: v128): void {
  const t0 = v128.shuffle<f32>(x0, x1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(x0, x1, 2, 6, 3, 7);
  const t2 = v128.shuffle<f32>(x2, x3, 0, 4, 1, 5);
  const t3 = v128.shuffle<f32>(x2, x3, 2, 6, 3, 7);
  v128.store(to, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
  v128.store(to, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7), 32);
  v128.store(to, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5), 64);
  v128.store(to, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7), 96);
}

/**
 * The register tile: acc = Σₚ Ap[p, 0:MR]ᵀ·Bp[p, 0:NR] over kc steps (Bp's rows stepB bytes
 * apart: packed, or B itself read in place), then
 * C[0:mr, 0:nr] ← α·acc + β·C (β = 0 ignores C). Partial tiles go through `tile`.
 */
// @ts-expect-error: decorator
@inline
function micro<T>(
  kc: i32,
  pa: usize,
  pb: usize,
  stepB: usize,
  alpha: T,
  beta: T,
  c: usize,
  ldc: i32,
  mr: i32,
  nrNow: i32,
  tile: usize,
): void {
  const S = sizeof<T>();
  if (mr == 1) {
    // A lone last row (m = 25 is six slivers of 4 and one of 1, as in B2's weight gradient):
    // its own two-accumulator loop costs a fraction of a four-row tile of which three rows
    // would be padding.
    let r0 = v128.splat<T>(<T>0);
    let r1 = r0;
    for (let p = 0; p < kc; p++) {
      const x = v128.load_splat<T>(pa);
      r0 = v128.add<T>(r0, v128.mul<T>(x, v128.load(pb)));
      r1 = v128.add<T>(r1, v128.mul<T>(x, v128.load(pb, 16)));
      pa += <usize>MR * S;
      pb += stepB;
    }
    v128.store(tile, r0);
    v128.store(tile, r1, 16);
    for (let q = 0; q < nrNow; q++) {
      const at = c + <usize>q * S;
      const value = alpha * load<T>(tile + <usize>q * S);
      store<T>(at, beta == 0 ? value : value + beta * load<T>(at));
    }
    return;
  }
  // The first depth step initializes the accumulators (kc ≥ 1): eight fewer adds per tile,
  // which is a tenth of a k = 10 tile's additions.
  const f0 = v128.load(pb);
  const f1 = v128.load(pb, 16);
  let y = v128.load_splat<T>(pa);
  let c00 = v128.mul<T>(y, f0);
  let c01 = v128.mul<T>(y, f1);
  y = v128.load_splat<T>(pa + S);
  let c10 = v128.mul<T>(y, f0);
  let c11 = v128.mul<T>(y, f1);
  y = v128.load_splat<T>(pa + 2 * S);
  let c20 = v128.mul<T>(y, f0);
  let c21 = v128.mul<T>(y, f1);
  y = v128.load_splat<T>(pa + 3 * S);
  let c30 = v128.mul<T>(y, f0);
  let c31 = v128.mul<T>(y, f1);
  pa += 4 * S;
  pb += stepB;
  for (let p = 1; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let x = v128.load_splat<T>(pa);
    c00 = v128.add<T>(c00, v128.mul<T>(x, b0));
    c01 = v128.add<T>(c01, v128.mul<T>(x, b1));
    x = v128.load_splat<T>(pa + S);
    c10 = v128.add<T>(c10, v128.mul<T>(x, b0));
    c11 = v128.add<T>(c11, v128.mul<T>(x, b1));
    x = v128.load_splat<T>(pa + 2 * S);
    c20 = v128.add<T>(c20, v128.mul<T>(x, b0));
    c21 = v128.add<T>(c21, v128.mul<T>(x, b1));
    x = v128.load_splat<T>(pa + 3 * S);
    c30 = v128.add<T>(c30, v128.mul<T>(x, b0));
    c31 = v128.add<T>(c31, v128.mul<T>(x, b1));
    pa += 4 * S;
    pb += stepB;
  }
  const va = v128.splat<T>(alpha);
  const rowBytes = <usize>ldc * S;
  if (mr == MR && nrNow == nr<T>()) {
    if (alpha == 1 && beta == 0) {
      // The common forward and backward case: a short-k tile (the output layer's k = 10) spends
      // a tenth of its time on these scalings, so the stores go straight out.
      v128.store(c, c00);
      v128.store(c, c01, 16);
      v128.store(c + rowBytes, c10);
      v128.store(c + rowBytes, c11, 16);
      v128.store(c + 2 * rowBytes, c20);
      v128.store(c + 2 * rowBytes, c21, 16);
      v128.store(c + 3 * rowBytes, c30);
      v128.store(c + 3 * rowBytes, c31, 16);
      return;
    }
    update<T>(c, c00, c01, va, beta);
    update<T>(c + rowBytes, c10, c11, va, beta);
    update<T>(c + 2 * rowBytes, c20, c21, va, beta);
    update<T>(c + 3 * rowBytes, c30, c31, va, beta);
    return;
  }
  v128.store(tile, c00);
  v128.store(tile, c01, 16);
  v128.store(tile, c10, 32);
  v128.store(tile, c11, 48);
  v128.store(tile, c20, 64);
  v128.store(tile, c21, 80);
  v128.store(tile, c30, 96);
  v128.store(tile, c31, 112);
  for (let r = 0; r < mr; r++) {
    for (let q = 0; q < nrNow; q++) {
      const at = c + <usize>r * rowBytes + <usize>q * S;
      const value = alpha * load<T>(tile + <usize>(r * nr<T>() + q) * S);
      store<T>(at, beta == 0 ? value : value + beta * load<T>(at));
    }
  }
}

// @ts-expect-error: decorator
@inline
function update<T>(at: usize, x0: v128, x1: v128, va: v128, beta: T): void {
  let y0 = v128.mul<T>(x0, va);
  let y1 = v128.mul<T>(x1, va);
  if (beta != 0) {
    const vb = v128.splat<T>(beta);
    y0 = v128.add<T>(y0, v128.mul<T>(v128.load(at), vb));
    y1 = v128.add<T>(y1, v128.mul<T>(v128.load(at, 16), vb));
  }
  v128.store(at, y0);
  v128.store(at, y1, 16);
}
