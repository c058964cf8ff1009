// @deltanet/digits: the 10,000 handwritten digits of the `mnist` package (28 × 28 pixels in
// [0, 1], one-hot labels), split into train and test by a seeded permutation. A package of its
// own because `mnist` is 41 MB installed and its 21 MB of JSON load on import.
export type { LoadDigitsOptions } from './load-digits';
export { digitPixels, loadDigits } from './load-digits';
