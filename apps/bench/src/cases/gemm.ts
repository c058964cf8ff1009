// GEMM: single-threaded GFLOPS (2mnk / s) of C = op(A)·op(B) on 512³ and on B1's shapes, with
// the transposed operands the backward pass multiplies; and deltanet f32 on every core beside.
import type { BackendPlugin, DType } from '@deltanet/contract';
import { allocate, backends, createRandom, setWasmThreads, wasmThreads } from '@deltanet/tensor';
import { secondsPerCall } from '../measure';
import { loadTf, type TfBackend } from '../peers/tfjs';

export interface GemmShape {
  readonly label: string;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly n: number;
  readonly k: number;
}

export const gemmShapes: readonly GemmShape[] = [
  { label: '512³ A·B', transA: false, transB: false, m: 512, n: 512, k: 512 },
  { label: '512³ Aᵀ·B', transA: true, transB: false, m: 512, n: 512, k: 512 },
  { label: '512³ A·Bᵀ', transA: false, transB: true, m: 512, n: 512, k: 512 },
  { label: 'B1 forward a·Θᵀ (64×784 · 784×128)', transA: false, transB: true, m: 64, n: 128, k: 784 },
  { label: 'B1 weight gradient δᵀ·a (128×64 · 64×784)', transA: true, transB: false, m: 128, n: 784, k: 64 },
  {
    label: 'B1-size input gradient δ·Θ (64×128 · 128×784)',
    transA: false,
    transB: false,
    m: 64,
    n: 784,
    k: 128,
  },
  {
    label: 'B1 output-layer input gradient δ·Θ (64×10 · 10×128)',
    transA: false,
    transB: false,
    m: 64,
    n: 128,
    k: 10,
  },
];

export interface GemmRow {
  readonly shape: GemmShape;
  readonly gflops: Record<string, number>;
}

const flops = (s: GemmShape) => 2 * s.m * s.n * s.k;
// Each sample runs as many calls as fill about this long.
// Many short samples, of which the fastest is reported (see secondsPerCall's `best`).
const SAMPLE_SECONDS = 0.02;
const MIN_SAMPLES = 15;

function operands(s: GemmShape, dtype: DType) {
  const random = createRandom(9);
  const make = (length: number) => {
    const data = allocate(dtype, length);
    for (let i = 0; i < length; i++) data[i] = random.uniform() - 0.5;
    return data;
  };
  return { a: make(s.m * s.k), b: make(s.k * s.n), c: make(s.m * s.n) };
}

async function deltanet(
  backend: BackendPlugin,
  s: GemmShape,
  dtype: DType,
  repeats: number,
  copying = false,
): Promise<number> {
  const { a, b, c } = operands(s, dtype);
  const args = {
    ...{ transA: s.transA, transB: s.transB, m: s.m, n: s.n, k: s.k, alpha: 1, beta: 0 },
    ...{ a, aOffset: 0, lda: s.transA ? s.m : s.k, b, bOffset: 0, ldb: s.transB ? s.k : s.n },
    ...{ c, cOffset: 0, ldc: s.n },
  };
  // Resident operands (pinned), like TF.js's tensors, which live in its wasm heap; C is copied
  // out on every call, as TF.js's dataSync does. `copying` times the per-call copies of A and
  // B too, what a product of fresh JavaScript arrays costs.
  const pins = copying ? [] : [backend.pin?.(a), backend.pin?.(b)];
  try {
    const seconds = await secondsPerCall(() => backend.gemm(args), {
      repeats: Math.max(repeats, MIN_SAMPLES),
      sampleSeconds: SAMPLE_SECONDS,
      best: true,
    });
    return flops(s) / seconds / 1e9;
  } finally {
    for (const pin of pins) pin?.release();
  }
}

async function tfjs(backend: TfBackend, s: GemmShape, repeats: number, warmup = 2): Promise<number> {
  const tf = await loadTf(backend);
  const { a, b } = operands(s, 'float32');
  const ta = tf.tensor2d(a as Float32Array, s.transA ? [s.k, s.m] : [s.m, s.k]);
  const tb = tf.tensor2d(b as Float32Array, s.transB ? [s.n, s.k] : [s.k, s.n]);
  const run = () => {
    const c = tf.matMul(ta, tb, s.transA, s.transB);
    c.dataSync();
    c.dispose();
  };
  const seconds = await secondsPerCall(run, {
    repeats: Math.max(repeats, MIN_SAMPLES),
    warmup,
    sampleSeconds: SAMPLE_SECONDS,
    best: true,
  });
  ta.dispose();
  tb.dispose();
  return flops(s) / seconds / 1e9;
}

/** GFLOPS of every contestant on every shape. */
export async function runGemm(repeats: number, withSlowJs: boolean): Promise<GemmRow[]> {
  const rows: GemmRow[] = [];
  const wasm = backends.find((b) => b.name === 'wasm')!;
  const js = backends.find((b) => b.name === 'js')!;
  const cores = wasmThreads();
  // The first product sets the kernels' memory up for every core; the thread count can be
  // lowered afterwards, not raised, so this comes before the one-thread columns.
  await deltanet(wasm, gemmShapes[0]!, 'float32', 1);
  for (const shape of gemmShapes) {
    const gflops: Record<string, number> = {};
    // The targets are per core: every column but the threaded one runs on one thread.
    setWasmThreads(1);
    gflops['deltanet wasm f32'] = await deltanet(wasm, shape, 'float32', repeats);
    gflops['deltanet wasm f32, copying A and B'] = await deltanet(wasm, shape, 'float32', repeats, true);
    gflops['deltanet wasm f64'] = await deltanet(wasm, shape, 'float64', repeats);
    if (cores > 1) {
      setWasmThreads(cores);
      gflops[`deltanet wasm f32, ${cores} threads`] = await deltanet(wasm, shape, 'float32', repeats);
      setWasmThreads(1);
    }
    if (withSlowJs || shape.m * shape.n * shape.k < 1e7) {
      gflops['deltanet js f32'] = await deltanet(js, shape, 'float32', Math.min(repeats, 3));
    }
    gflops['TF.js wasm'] = await tfjs('wasm', shape, repeats);
    gflops['TF.js cpu'] = await tfjs('cpu', shape, Math.min(repeats, 3), 1);
    rows.push({ shape, gflops });
  }
  setWasmThreads(cores);
  return rows;
}
