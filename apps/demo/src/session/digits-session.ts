// Digits mode: a 784-H-10 softmax network trained on the MNIST digits, which are imported only
// here and only when asked for (21 MB), so the playground page never loads them.
import type { Network } from '@deltanet/backprop';
import { createNetwork, fit, layerOutputs, predictedClasses } from '@deltanet/backprop';
import type { OptimizerPlugin, OptimizerState } from '@deltanet/contract';
import type { Dataset } from '@deltanet/data';
import { matrix } from '@deltanet/tensor';

/** How digits mode trains. */
export interface DigitsOptions {
  readonly hidden: number;
  readonly trainSize: number;
  readonly testSize: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
}

/** Enough to reach about 90 % in a few seconds of browser time. */
export const defaultDigitsOptions: DigitsOptions = {
  hidden: 32,
  trainSize: 6000,
  testSize: 1000,
  learningRate: 0.005,
  batchSize: 32,
  seed: 1,
};

/** The digits, a network, and what the page shows of it. */
export class DigitsSession {
  readonly net: Network;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly options: DigitsOptions;
  #epoch = 0;
  readonly #optimizer: OptimizerPlugin;
  /** Adam's moments as the last `fit` left them, passed to the next so training continues. */
  #optimizerState: OptimizerState | undefined;

  private constructor(options: DigitsOptions, train: Dataset, test: Dataset) {
    this.options = options;
    this.net = createNetwork({
      layers: [784, options.hidden, 10],
      activation: 'sigmoid',
      outputActivation: 'softmax',
      loss: 'softmax-cross-entropy',
      seed: options.seed,
    });
    this.train = train;
    this.test = test;
    this.#optimizer = this.net.registry.resolve('optimizer', {
      name: 'adam',
      options: { learningRate: options.learningRate },
    });
  }

  /** Loads the digits (a dynamic import: the bundle keeps them in a chunk of their own). */
  static async load(options: DigitsOptions = defaultDigitsOptions): Promise<DigitsSession> {
    const { loadDigits } = await import('@deltanet/digits');
    const { train, test } = loadDigits({
      seed: options.seed,
      trainSize: options.trainSize,
      testSize: options.testSize,
    });
    return new DigitsSession(options, train, test);
  }

  get epoch(): number {
    return this.#epoch;
  }

  /** One more epoch of Adam (its moments carried over); resolves with the test accuracy. */
  async trainEpoch(signal?: AbortSignal): Promise<number> {
    this.#epoch++;
    const history = await fit(this.net, this.train, {
      optimizer: this.#optimizer,
      ...(this.#optimizerState && { optimizerState: this.#optimizerState }),
      epochs: 1,
      batchSize: this.options.batchSize,
      seed: this.options.seed + this.#epoch,
      ...(signal && { signal }),
    });
    this.#optimizerState = history.optimizerState;
    return this.net.evaluate(this.test.x, this.test.y).accuracy;
  }

  /** h = P(digit k | pixels) for one 784-pixel image. */
  classify(pixels: ArrayLike<number>): number[] {
    return Array.from(this.net.predict(matrix(1, 784, Float64Array.from(pixels))).data);
  }

  /**
   * What the hidden layer does with one image: a(2) = g(Θ(1)·[1; x]), one activation per hidden
   * unit (sigmoid, so 0 is silent and 1 fires fully), from the library's own forward pass.
   */
  hiddenActivations(pixels: ArrayLike<number>): number[] {
    const [hidden] = layerOutputs(this.net, matrix(1, 784, Float64Array.from(pixels)));
    return Array.from(hidden!.data);
  }

  /**
   * Test digits the network gets wrong, in test-set order, at most `limit`: each with its
   * pixels, its true digit and the predicted one (argmax h).
   */
  misclassified(limit: number): { index: number; pixels: Float32Array; label: number; predicted: number }[] {
    const { x } = this.test;
    const predicted = predictedClasses(this.net.predict(x));
    const labels = this.test.labels!;
    const wrong = [];
    for (let i = 0; i < x.rows && wrong.length < limit; i++) {
      if (predicted[i] === labels[i]) continue;
      wrong.push({
        index: i,
        pixels: Float32Array.from(x.data.subarray(i * 784, (i + 1) * 784)),
        label: labels[i]!,
        predicted: predicted[i]!,
      });
    }
    return wrong;
  }

  /** Row j of Θ(1) without its bias weight, as a 28 × 28 picture of what hidden unit j looks for. */
  hiddenImages(): Float32Array[] {
    const theta = this.net.thetas[0]!;
    return Array.from({ length: theta.rows }, (_, j) =>
      Float32Array.from(theta.data.subarray(j * theta.cols + 1, (j + 1) * theta.cols)),
    );
  }
}
