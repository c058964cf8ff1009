// The wasm module behind @deltanet/tensor's fast paths: one module, so one memory holds every
// kernel's operands. gemm.ts multiplies matrices; vector.ts maps σ and applies Adam's update;
// dense.ts runs a small network's whole training evaluation in one call.
export { gemm32, gemm64, workBytes64 } from './gemm';
export { tanh32, tanh64 } from './tanh';
export { adam32, adam64, logistic32, logistic64, logisticBackward32, logisticBackward64 } from './vector';
export { denseStep32, denseStep64 } from './dense';
