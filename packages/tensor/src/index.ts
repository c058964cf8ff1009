// @deltanet/tensor: dense row-major matrices, the kernels the engine runs on, a seeded PRNG.
export { reference } from './backends/reference';
export { axpy, dot, findNonFinite, hadamard, scale, subtract, sumOfSquares } from './elementwise';
export type { MatmulOptions } from './matmul';
export { matmul } from './matmul';
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
export { createRandom, permutation, randomFromState } from './random';
export { addColumnToRows, argmaxRows, gatherRows, oneHot, sumRowsIntoColumn } from './rows';
