// @deltanet/data/digits: the 10,000 MNIST digits of the `mnist` package. A separate entry
// because importing `mnist` reads 21 MB of JSON: bundles that only need the 2-D sets skip it.
export type { LoadDigitsOptions } from './mnist';
export { digitPixels, loadDigits } from './mnist';
