// matmul against products worked by hand, and its refusals: shapes, precisions, aliasing.
import type { BackendPlugin } from '@deltanet/contract';
import { InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { defaultBackend } from './backends/index';
import { reference } from './backends/reference';
import { matmul } from './matmul';
import { fromRows, rowSlice, toRows, zeros } from './matrix';
import { createRandom } from './random';

// a = [1 2 3; 4 5 6], b = [1 0; 0 1; 1 1]:
// a·b = [1+3, 2+3; 4+6, 5+6] = [4 5; 10 11]; aᵀ·a = [17 22 27; 22 29 36; 27 36 45].
const a = fromRows([
  [1, 2, 3],
  [4, 5, 6],
]);
const b = fromRows([
  [1, 0],
  [0, 1],
  [1, 1],
]);

describe('matmul', () => {
  it('multiplies, transposing either operand when asked', () => {
    expect(toRows(matmul(a, b, zeros(2, 2)))).toEqual([
      [4, 5],
      [10, 11],
    ]);
    expect(toRows(matmul(a, a, zeros(3, 3), { transA: true }))).toEqual([
      [17, 22, 27],
      [22, 29, 36],
      [27, 36, 45],
    ]);
    // a·aᵀ = [1+4+9, 4+10+18; ·, 16+25+36] = [14 32; 32 77].
    expect(toRows(matmul(a, a, zeros(2, 2), { transB: true }))).toEqual([
      [14, 32],
      [32, 77],
    ]);
    // bᵀ·aᵀ = (a·b)ᵀ = [4 10; 5 11].
    expect(toRows(matmul(b, a, zeros(2, 2), { transA: true, transB: true }))).toEqual([
      [4, 10],
      [5, 11],
    ]);
  });

  it('applies α and β, and β = 0 overwrites NaN in out', () => {
    const out = fromRows([
      [1, 1],
      [1, 1],
    ]);
    expect(toRows(matmul(a, b, out, { alpha: 2, beta: -1 }))).toEqual([
      [7, 9],
      [19, 21],
    ]);
    const stale = fromRows([
      [Number.NaN, 0],
      [0, Number.NaN],
    ]);
    expect(toRows(matmul(a, b, stale))).toEqual([
      [4, 5],
      [10, 11],
    ]);
  });

  it('names both shapes when the inner dimensions differ', () => {
    expect(() => matmul(a, a, zeros(2, 3))).toThrow(ShapeError);
    expect(() => matmul(a, a, zeros(2, 3))).toThrow('a (2 × 3) · b (2 × 3)');
    expect(() => matmul(a, b, zeros(3, 3), { transA: true })).toThrow('aᵀ (3 × 2) · b (3 × 2)');
  });

  it('names the expected and the given shape of out', () => {
    expect(() => matmul(a, b, zeros(2, 3))).toThrow(ShapeError);
    expect(() => matmul(a, b, zeros(2, 3))).toThrow('out must be 2 × 2 for a (2 × 3) · b (3 × 2), got 2 × 3');
  });

  it('refuses mixed precisions', () => {
    expect(() => matmul(a, b, zeros(2, 2, 'float32'))).toThrow(InvalidArgumentError);
    expect(() => matmul(a, b, zeros(2, 2, 'float32'))).toThrow('float64, float64 and float32');
  });

  it('refuses an out that shares memory with an operand', () => {
    const square = fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(() => matmul(square, square, square)).toThrow(InvalidArgumentError);
    const tall = zeros(4, 2);
    expect(() => matmul(rowSlice(tall, 0, 2), square, rowSlice(tall, 1, 3))).toThrow('shares memory');
    // Disjoint views of one buffer are fine.
    expect(() => matmul(rowSlice(tall, 0, 2), square, rowSlice(tall, 2, 4))).not.toThrow();
  });

  it('refuses a backend that does not support the precision', () => {
    const float64Only: BackendPlugin = {
      kind: 'backend',
      name: 'float64-only',
      description: 'test double',
      supports: (dtype) => dtype === 'float64',
      gemm: () => {},
    };
    const a32 = zeros(2, 2, 'float32');
    expect(() => matmul(a32, a32, zeros(2, 2, 'float32'), { backend: float64Only })).toThrow(
      'backend "float64-only" does not support float32',
    );
  });
});

describe('matmul without a backend', () => {
  // A float32 product long enough (k = 512) that the order of the sums shows in the last bits:
  // reference adds in index order, the fast backends in blocks, so the two disagree somewhere.
  const random = createRandom(3);
  const fill = (rows: number, cols: number) => {
    const m = zeros(rows, cols, 'float32');
    for (let i = 0; i < m.data.length; i++) m.data[i] = random.uniform() * 2 - 1;
    return m;
  };
  const x = fill(64, 512);
  const y = fill(512, 64);

  it('runs on defaultBackend(dtype), the fastest built-in, not on reference', () => {
    const bits = (backend?: BackendPlugin) =>
      Array.from(matmul(x, y, zeros(64, 64, 'float32'), backend ? { backend } : {}).data);
    const fastest = defaultBackend('float32');
    expect(fastest.name).not.toBe('reference');
    expect(bits(reference)).not.toEqual(bits(fastest));
    expect(bits()).toEqual(bits(fastest));
  });
});
