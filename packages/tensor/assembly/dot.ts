// C ← α·A·Bᵀ + β·C for narrow C (few columns, e.g. a hidden layer's z = a·Θᵀ over a large
// batch): both operands are read in place, row by row, as dot products along k. A and Bᵀ rows
// are contiguous in k, so nothing is packed, and no column of C is computed past n.

/**
 * The dot-product path of gemm for A untransposed and B transposed. Each pair of A rows (in L1)
 * meets every row of B (n·k values, small enough to stay in cache) four at a time, in 8
 * vector accumulators (2 rows × 4 columns), so A streams through memory once.
 */
export function dotNT<T>(
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
): void {
  const S = sizeof<T>();
  const rowA = <usize>lda * S;
  const rowB = <usize>ldb * S;
  const rowC = <usize>ldc * S;
  for (let i = 0; i < m; i += 2) {
    const ai = a + <usize>i * rowA;
    const ci = c + <usize>i * rowC;
    let j = 0;
    if (i + 1 < m) {
      for (; j + 3 < n; j += 4) {
        dot2x4<T>(k, ai, rowA, b + <usize>j * rowB, rowB, alpha, beta, ci + <usize>j * S, rowC);
      }
    }
    for (; j < n; j++) {
      const bj = b + <usize>j * rowB;
      if (i + 1 < m) {
        dot2x1<T>(k, ai, rowA, bj, alpha, beta, ci + <usize>j * S, rowC);
      } else {
        put<T>(ci + <usize>j * S, dot1<T>(k, ai, bj), alpha, beta);
      }
    }
  }
}

/** C[0:2, 0:4] from A rows at a, a + rowA and B rows at b, b + rowB, … (each k long). */
// @ts-expect-error: decorator
@inline
function dot2x4<T>(k: i32, a: usize, rowA: usize, b: usize, rowB: usize, alpha: T, beta: T, c: usize, rowC: usize): void {
  const S = sizeof<T>();
  const lanes = 16 / <i32>S;
  let s00 = v128.splat<T>(<T>0);
  let s01 = s00;
  let s02 = s00;
  let s03 = s00;
  let s10 = s00;
  let s11 = s00;
  let s12 = s00;
  let s13 = s00;
  const a1 = a + rowA;
  const b1 = b + rowB;
  const b2 = b1 + rowB;
  const b3 = b2 + rowB;
  const vectorEnd = <usize>(k - (k % lanes)) * S;
  let p: usize = 0;
  for (; p < vectorEnd; p += 16) {
    const x0 = v128.load(a + p);
    const x1 = v128.load(a1 + p);
    let y = v128.load(b + p);
    s00 = v128.add<T>(s00, v128.mul<T>(x0, y));
    s10 = v128.add<T>(s10, v128.mul<T>(x1, y));
    y = v128.load(b1 + p);
    s01 = v128.add<T>(s01, v128.mul<T>(x0, y));
    s11 = v128.add<T>(s11, v128.mul<T>(x1, y));
    y = v128.load(b2 + p);
    s02 = v128.add<T>(s02, v128.mul<T>(x0, y));
    s12 = v128.add<T>(s12, v128.mul<T>(x1, y));
    y = v128.load(b3 + p);
    s03 = v128.add<T>(s03, v128.mul<T>(x0, y));
    s13 = v128.add<T>(s13, v128.mul<T>(x1, y));
  }
  const end = <usize>k * S;
  put<T>(c, lanesSum<T>(s00) + tail<T>(p, end, a, b), alpha, beta);
  put<T>(c + S, lanesSum<T>(s01) + tail<T>(p, end, a, b1), alpha, beta);
  put<T>(c + 2 * S, lanesSum<T>(s02) + tail<T>(p, end, a, b2), alpha, beta);
  put<T>(c + 3 * S, lanesSum<T>(s03) + tail<T>(p, end, a, b3), alpha, beta);
  put<T>(c + rowC, lanesSum<T>(s10) + tail<T>(p, end, a1, b), alpha, beta);
  put<T>(c + rowC + S, lanesSum<T>(s11) + tail<T>(p, end, a1, b1), alpha, beta);
  put<T>(c + rowC + 2 * S, lanesSum<T>(s12) + tail<T>(p, end, a1, b2), alpha, beta);
  put<T>(c + rowC + 3 * S, lanesSum<T>(s13) + tail<T>(p, end, a1, b3), alpha, beta);
}

/**
 * C[0:2, 0] from A rows at a, a + rowA and one B row at b: an edge column (z = a·Θᵀ with 25
 * units is six 2 × 4 tiles and this), with each load of B used for both rows. Two vectors per
 * row per step give four independent sums, so the adds do not wait on each other.
 */
function dot2x1<T>(k: i32, a: usize, rowA: usize, b: usize, alpha: T, beta: T, c: usize, rowC: usize): void {
  const S = sizeof<T>();
  const lanes = 16 / <i32>S;
  let s0 = v128.splat<T>(<T>0);
  let s1 = s0;
  let t0 = s0;
  let t1 = s0;
  const a1 = a + rowA;
  const vectorEnd = <usize>(k - (k % lanes)) * S;
  const blockEnd = <usize>(k - (k % (2 * lanes))) * S;
  let p: usize = 0;
  for (; p < blockEnd; p += 32) {
    const y0 = v128.load(b + p);
    const y1 = v128.load(b + p, 16);
    s0 = v128.add<T>(s0, v128.mul<T>(v128.load(a + p), y0));
    t0 = v128.add<T>(t0, v128.mul<T>(v128.load(a1 + p), y0));
    s1 = v128.add<T>(s1, v128.mul<T>(v128.load(a + p, 16), y1));
    t1 = v128.add<T>(t1, v128.mul<T>(v128.load(a1 + p, 16), y1));
  }
  for (; p < vectorEnd; p += 16) {
    const y = v128.load(b + p);
    s0 = v128.add<T>(s0, v128.mul<T>(v128.load(a + p), y));
    t0 = v128.add<T>(t0, v128.mul<T>(v128.load(a1 + p), y));
  }
  const end = <usize>k * S;
  put<T>(c, lanesSum<T>(v128.add<T>(s0, s1)) + tail<T>(p, end, a, b), alpha, beta);
  put<T>(c + rowC, lanesSum<T>(v128.add<T>(t0, t1)) + tail<T>(p, end, a1, b), alpha, beta);
}

/** Σₚ a[p]·b[p] over k values: the edge rows and columns the 2 × 4 tile does not cover. */
function dot1<T>(k: i32, a: usize, b: usize): T {
  const S = sizeof<T>();
  const lanes = 16 / <i32>S;
  // Four independent sums: one would wait on the adder's latency at every step, and the edge
  // column of z = a·Θᵀ (25 units = 6 tiles + 1) runs this for every example.
  let s0 = v128.splat<T>(<T>0);
  let s1 = s0;
  let s2 = s0;
  let s3 = s0;
  const vectorEnd = <usize>(k - (k % lanes)) * S;
  const blockEnd = <usize>(k - (k % (4 * lanes))) * S;
  let p: usize = 0;
  for (; p < blockEnd; p += 64) {
    s0 = v128.add<T>(s0, v128.mul<T>(v128.load(a + p), v128.load(b + p)));
    s1 = v128.add<T>(s1, v128.mul<T>(v128.load(a + p, 16), v128.load(b + p, 16)));
    s2 = v128.add<T>(s2, v128.mul<T>(v128.load(a + p, 32), v128.load(b + p, 32)));
    s3 = v128.add<T>(s3, v128.mul<T>(v128.load(a + p, 48), v128.load(b + p, 48)));
  }
  for (; p < vectorEnd; p += 16) s0 = v128.add<T>(s0, v128.mul<T>(v128.load(a + p), v128.load(b + p)));
  return lanesSum<T>(v128.add<T>(v128.add<T>(s0, s1), v128.add<T>(s2, s3))) + tail<T>(p, <usize>k * S, a, b);
}

/** The scalar rest of a dot product, bytes `from` to `end` (fewer than one vector). */
// @ts-expect-error: decorator
@inline
function tail<T>(from: usize, end: usize, a: usize, b: usize): T {
  let s: T = <T>0;
  for (let p = from; p < end; p += sizeof<T>()) s += load<T>(a + p) * load<T>(b + p);
  return s;
}

// @ts-expect-error: decorator
@inline
function lanesSum<T>(v: v128): T {
  if (sizeof<T>() == 4) {
    return (
      v128.extract_lane<T>(v, 0) + v128.extract_lane<T>(v, 1) + (v128.extract_lane<T>(v, 2) + v128.extract_lane<T>(v, 3))
    );
  }
  return v128.extract_lane<T>(v, 0) + v128.extract_lane<T>(v, 1);
}

/** C ← α·s + β·C at one address; β = 0 never reads C (stale NaN must not leak). */
// @ts-expect-error: decorator
@inline
function put<T>(at: usize, s: T, alpha: T, beta: T): void {
  store<T>(at, beta == 0 ? alpha * s : alpha * s + beta * load<T>(at));
}
