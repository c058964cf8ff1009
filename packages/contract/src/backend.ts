// Compute backend plugins: the kernels the network's hot loops run on.
import type { ActivationKernel } from './activation';
import type { DType, FloatArray } from './matrix';
import type { PluginBase } from './plugin';

/**
 * One BLAS-style general matrix multiply C ← α·op(A)·op(B) + β·C over row-major storage.
 * op(A) is m × k, op(B) is k × n, C is m × n. `lda`, `ldb`, `ldc` are row strides and the
 * offsets locate element (0, 0), so sub-blocks (Θ without its bias column) need no copy.
 * When β = 0, C is overwritten and its old contents (even NaN) are ignored.
 */
export interface GemmArgs<A extends FloatArray = FloatArray> {
  /** Read A transposed: op(A) = Aᵀ, A stored k × m. */
  readonly transA: boolean;
  /** Read B transposed: op(B) = Bᵀ, B stored n × k. */
  readonly transB: boolean;
  /** Rows of op(A) and C. */
  readonly m: number;
  /** Columns of op(B) and C. */
  readonly n: number;
  /** Columns of op(A), rows of op(B): the summed dimension. */
  readonly k: number;
  /** α, the scale of op(A)·op(B). */
  readonly alpha: number;
  /** A's storage (row-major, possibly a larger matrix). */
  readonly a: A;
  /** Index in `a` of A's element (0, 0). */
  readonly aOffset: number;
  /** Row stride of A in `a`: elements from one stored row to the next (≥ its column count). */
  readonly lda: number;
  /** B's storage (row-major, possibly a larger matrix). */
  readonly b: A;
  /** Index in `b` of B's element (0, 0). */
  readonly bOffset: number;
  /** Row stride of B in `b`. */
  readonly ldb: number;
  /** β, the scale of C's old contents; 0 overwrites C (even NaN is ignored). */
  readonly beta: number;
  /** C's storage, written in place. */
  readonly c: A;
  /** Index in `c` of C's element (0, 0). */
  readonly cOffset: number;
  /** Row stride of C in `c`. */
  readonly ldc: number;
}

/**
 * A set of kernels: every numeric loop training runs. Only `gemm` is required; a backend that
 * leaves out the others (see `backendKernels`) runs @deltanet/tensor's `reference` kernels for
 * them once `completeBackend` fills them in (the network does it). The pure TypeScript
 * `reference` backend is the specification all others are tested against (`checkBackend`).
 */
export interface BackendPlugin extends PluginBase<'backend'> {
  /** Whether this backend runs in the current environment and for this precision. */
  supports(dtype: DType): boolean;
  /** C ← α·op(A)·op(B) + β·C over row-major matrices, as `GemmArgs` describes; writes `args.c`. */
  gemm(args: GemmArgs): void;
  /**
   * Optional: keeps a copy of `data` where this backend's kernels read it in place (for `wasm`,
   * its linear memory), so gemm calls whose `a` or `b` is this very array (by identity) skip
   * their per-call copy until `release`. Worth it for a large operand read by several
   * products, such as x in a full-batch pass (read by a·Θᵀ and by δᵀ·a). The caller must not
   * change `data` while it is pinned (the products would read the old values); pins nest (a
   * second pin of an array already pinned reuses the first copy, so a caller that owns x for a
   * whole run can pin it once around calls that pin it per call), and a backend without the
   * capability simply copies per call.
   *
   * @example
   * const pinned = backend.pin?.(x.data);
   * try { forward(x); backward(x); } finally { pinned?.release(); }
   */
  pin?(data: FloatArray): PinnedOperand;
  /**
   * Optional: one whole training evaluation of a small dense network in a single call, for
   * networks whose products are too small to repay a call each. It computes the forward pass
   * (z and a of every layer), δ(L) = a(L) − y, the backward pass (δ of every layer) and
   * D(l) = Δ(l)/m without any penalty, into the caller's buffers, with the same bits as the
   * general passes compute them on this backend's `gemm` and activation kernels. Returns
   * false, having written nothing, when it declines (for `wasm`: a product of 4,096
   * multiply-adds or more, which its gemm runs in SIMD, or no compiled module yet); the caller
   * then runs the general passes. A backend may keep what it works out about an args object
   * (where each array goes) for the next call with the same object, so a caller whose z, a or δ
   * arrays change passes a new args object; x, y, params and gradient may change freely.
   */
  denseStep?(args: DenseStepArgs): boolean;
  /**
   * out[i] = g(z[i]) for the built-in activation `kernel` (see `ActivationKernel` for each
   * definition), bit for bit as `reference` computes it. z and out have one length and
   * precision; `out` may be `z`. Optional: `completeBackend` takes `reference`'s.
   */
  activationForward?(kernel: ActivationKernel, z: FloatArray, out: FloatArray): void;
  /**
   * out[i] = ∂J/∂z[i] from upstream = ∂J/∂a for the built-in activation `kernel`, given z and
   * a = g(z), bit for bit as `reference`. All four arrays have one length and precision; `out`
   * may be `upstream`. Optional (`completeBackend`).
   */
  activationBackward?(
    kernel: ActivationKernel,
    z: FloatArray,
    a: FloatArray,
    upstream: FloatArray,
    out: FloatArray,
  ): void;
  /**
   * Column sums into a strided column (the bias gradient Δ[:, 0] = Σᵢ δᵢ):
   * c[cOffset + j·ldc] ← α·Σᵢ x[i·cols + j] + β·c[cOffset + j·ldc] for j < cols, x being
   * rows × cols row-major. Each sum adds rows 0, 1, 2… in order in float64, as `reference`
   * does, so every backend gives its bits. β = 0 overwrites (old NaN ignored). Optional.
   */
  sumColumns?(
    rows: number,
    cols: number,
    x: FloatArray,
    alpha: number,
    beta: number,
    c: FloatArray,
    cOffset: number,
    ldc: number,
  ): void;
  /** out[i] = a[i] − b[i] (the output delta h − y); `out` may be `a` or `b`. Optional. */
  difference?(a: FloatArray, b: FloatArray, out: FloatArray): void;
  /** y[i] ← y[i] + α·x[i] (gradient descent's θ ← θ − αD with α negated). Optional. */
  axpy?(alpha: number, x: FloatArray, y: FloatArray): void;
  /**
   * Σ x[i]·y[i], added in index order in float64 as `reference` does (CG's and L-BFGS's slopes
   * and curvature pairs), so every backend gives its bits. Optional.
   */
  dot?(x: FloatArray, y: FloatArray): number;
  /**
   * One Adam step over every parameter, bias corrections folded into `stepSize` (αₜ) and
   * `epsilonHat` (ε̂), in float64 (float32 moments rounded before θ's update reads them):
   * m ← β₁m + (1 − β₁)g;  v ← β₂v + ((1 − β₂)g)g;  θ ← decay·θ − (αₜ·m) / (√v + ε̂).
   * Bit for bit as `reference`. Optional.
   */
  adamUpdate?(
    params: FloatArray,
    gradient: FloatArray,
    m: FloatArray,
    v: FloatArray,
    beta1: number,
    beta2: number,
    stepSize: number,
    epsilonHat: number,
    decay: number,
  ): void;
  /** The index of the first NaN or ±Infinity in x, or −1 when every value is finite. Optional. */
  findNonFinite?(x: FloatArray): number;
}

/**
 * The kernels a backend may leave out (all but `gemm`), the one list `completeBackend` fills
 * from `reference` and `checkBackend` tests. Every built-in backend implements them all.
 *
 * @example
 * backendKernels.filter((name) => myBackend[name] === undefined); // what reference will run
 */
export const backendKernels = [
  'activationForward',
  'activationBackward',
  'sumColumns',
  'difference',
  'axpy',
  'dot',
  'adamUpdate',
  'findNonFinite',
] as const;

/** The name of an optional kernel of `BackendPlugin`. */
export type BackendKernel = (typeof backendKernels)[number];

/**
 * A backend with every kernel present, as `completeBackend` returns it and the network runs on.
 *
 * @example
 * const kernels: CompleteBackend = completeBackend(myGemmOnlyBackend);
 */
export type CompleteBackend = BackendPlugin & Required<Pick<BackendPlugin, BackendKernel>>;

/**
 * A dense network's evaluation on one batch for `BackendPlugin.denseStep`. Rows are examples;
 * every array is row-major in one precision. Index l runs over weight layers 0…L−2.
 */
export interface DenseStepArgs<A extends FloatArray = FloatArray> {
  /** s(1)…s(L), the units of every layer, inputs first. */
  readonly layers: readonly number[];
  /** The kernel computing each weight layer's activation a(l+2) = g(z(l+2)). */
  readonly kernels: readonly ActivationKernel[];
  /** m, the batch's examples. */
  readonly rows: number;
  /** Θ(1), Θ(2)… one after another, each s(l+1) × (s(l) + 1) with the bias weights in column 0. */
  readonly params: A;
  /** m × s(1). */
  readonly x: A;
  /** m × s(L). */
  readonly y: A;
  /** z(l+2), a(l+2) and δ(l+2), each m × s(l+2): written. */
  readonly z: readonly A[];
  /** a(l+2) = g(z(l+2)), each m × s(l+2), one per weight layer: written. */
  readonly a: readonly A[];
  /** δ(l+2) = ∂J/∂z(l+2), each m × s(l+2), one per weight layer: written. */
  readonly delta: readonly A[];
  /** D(l), laid out like `params`: written. */
  readonly gradient: A;
}

/** A read-only operand a backend holds resident; `release` frees it (again is a no-op). */
export interface PinnedOperand {
  /** Gives the pinned copy back; the operand is read from its array again afterwards. */
  release(): void;
}
