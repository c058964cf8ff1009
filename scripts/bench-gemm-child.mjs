// One GEMM timing for scripts/bench-side-by-side.mjs: seconds per call of the wasm backend's
// single-threaded float32 product on one of `pnpm bench`'s GEMM shapes, with A and B pinned (as
// `pnpm bench` times it), the fastest of 15 samples of about 0.05 s after a 0.3 s warm-up. It
// imports the given checkout's built @deltanet/tensor, so builds of different commits can be timed
// side by side. Usage: node scripts/bench-gemm-child.mjs /path/to/checkout transA transB m n k
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, transA, transB, m, n, k] = process.argv.slice(2);
const tensor = await import(pathToFileURL(join(root, 'packages/tensor/dist/index.js')).href);
tensor.setWasmThreads(1);
const shape = { transA: transA === 'true', transB: transB === 'true', m: +m, n: +n, k: +k };
const random = tensor.createRandom(1);
const fill = (length) => {
  const data = tensor.allocate('float32', length);
  for (let i = 0; i < length; i++) data[i] = random.uniform() * 2 - 1;
  return data;
};
const a = fill(shape.m * shape.k);
const b = fill(shape.k * shape.n);
const c = tensor.allocate('float32', shape.m * shape.n);
const args = {
  ...shape,
  alpha: 1,
  beta: 0,
  ...{ a, aOffset: 0, lda: shape.transA ? shape.m : shape.k },
  ...{ b, bOffset: 0, ldb: shape.transB ? shape.k : shape.n, c, cOffset: 0, ldc: shape.n },
};
const backend = tensor.wasm;
const pins = [backend.pin?.(a), backend.pin?.(b)];
const warmup = performance.now();
while (performance.now() - warmup < 300) backend.gemm(args);
let start = performance.now();
backend.gemm(args);
const inner = Math.max(1, Math.round(50 / (performance.now() - start)));
let best = Number.POSITIVE_INFINITY;
for (let sample = 0; sample < 15; sample++) {
  start = performance.now();
  for (let i = 0; i < inner; i++) backend.gemm(args);
  best = Math.min(best, (performance.now() - start) / 1000 / inner);
}
for (const pin of pins) pin?.release();
process.stdout.write(`${JSON.stringify({ seconds: best })}\n`);
