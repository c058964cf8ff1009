// @deltanet/tensor: dense row-major matrices, the kernels the engine runs on, a seeded PRNG and
// the initializers that draw the first Θ(l).

// ── Matrices: creating, viewing, copying, checking shapes ──

export {
  allocate,
  assertSameShape,
  assertShape,
  clone,
  dtypeOf,
  fromRows,
  get,
  matrix,
  rowSlice,
  toRows,
  zeros,
} from './matrix';

// ── Products: out ← α·op(a)·op(b) + β·out over a backend's gemm ──

export { activate, activateBackward } from './activate';
export type { BackendCheckOptions, BackendCheckReport } from './backends/check-backend';
export { checkBackend } from './backends/check-backend';
export { completeBackend } from './backends/complete';
export { backends, defaultBackend } from './backends/index';
export { js } from './backends/js';
export { reference } from './backends/reference';
export { wasm } from './backends/wasm';
export type { MatmulOptions } from './matmul';
export { matmul } from './matmul';
export type { BackendName, BackendOptionsByName, InitializerName, InitializerOptionsByName } from './names';

// ── Elementwise and row-wise kernels ──

export { adamUpdate } from './adam-update';
export { axpy, dot, findNonFinite, hadamard, scale, subtract, sumOfSquares } from './elementwise';
export { logistic, mapLogistic, mapLogisticBackward } from './logistic';
export { addColumnToRows, argmaxRows, gatherRows, oneHot, sumRowsIntoColumn } from './rows';
export { mapTanh } from './tanh';
export { setWasmThreads, wasmThreads } from './threads';
export { wasmReady } from './wasm-ready';

// ── Elementary functions: fdlibm's algorithms in plain float64, the same bits in every engine ──

export { cos } from './math/cos';
export { exp } from './math/exp';
export { expm1 } from './math/expm1';
export { log } from './math/log';
export { log1p } from './math/log1p';
export { pow } from './math/pow';
export { sin } from './math/sin';
export { tanh } from './math/tanh';
export { tanhFloat32 } from './math/tanh-float32';

// ── Seeded randomness ──

export { createRandom, permutation, randomFromState } from './random';

// ── Initializer plugins (`zeros` the plugin is `zerosInitializer`; `zeros` makes a matrix) ──

export { epsilonUniform } from './initializers/epsilon-uniform';
export { glorotNormal } from './initializers/glorot-normal';
export { glorotUniform } from './initializers/glorot-uniform';
export { heNormal } from './initializers/he-normal';
export { heUniform } from './initializers/he-uniform';
export { initializers } from './initializers/index';
export { zerosInitializer } from './initializers/zeros';
