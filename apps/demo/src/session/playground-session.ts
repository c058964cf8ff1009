// One playground run: the network built from the state, trained one epoch at a time with `fit`,
// and everything the page draws — losses, heatmaps of every unit, Θ, a traced example and a
// gradient check — computed by the library itself.
import type {
  BackpropTrace,
  GradientCheckReport,
  LayerEntry,
  LayeredNetworkSpec,
  Network,
} from '@deltanet/backprop';
import {
  builtinRegistry,
  checkGradients,
  createNetwork,
  fit,
  layerOutputs,
  traceBackprop,
} from '@deltanet/backprop';
import type { OptimizerPlugin, OptimizerState, PluginOptions, PluginRegistry } from '@deltanet/contract';
import { pluginName } from '@deltanet/contract';
import type { ChainOptimizer, Schedule } from '@deltanet/optimizers';
import { withSchedule } from '@deltanet/optimizers';
import { rowSlice, toRows } from '@deltanet/tensor';
import { learningRateSchedule } from '../schedule';
import type { PlaygroundState } from '../state';
import { noRegularizer } from '../state';
import type { PlaygroundData } from './playground-data';
import { gridInputs, gridSide, playgroundData } from './playground-data';

/** What the page redraws after training: losses, Θ, and each unit's output over the grid. */
export interface PlaygroundSnapshot {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** α for the next update (the schedule's α(t)); null for full-batch methods, which search. */
  readonly learningRate: number | null;
  /** Θ(l) for l = 1..L−1, s(l+1) × (s(l)+1), bias weights in column 0. */
  readonly thetas: number[][][];
  /** Grid side n of `output`: h over an n × n grid, row 0 at the top. */
  readonly resolution: number;
  /** h = a(L) over the full grid, for the large output heatmap. */
  readonly output: Float32Array;
  /** Grid side of `unitMaps`: the full grid averaged over 2 × 2 blocks (units are drawn 36 px wide). */
  readonly unitResolution: number;
  /** a(l)ⱼ over the coarse grid for l = 2..L: [layer][unit] → values; the last layer is h. */
  readonly unitMaps: Float32Array[][];
}

/**
 * The network spec of a playground state: features → hidden layers → one output unit, each
 * hidden layer followed by batch-norm and then dropout when they are on. The "none" regularizer
 * is λ = 0 (the library's default regularizer then adds nothing).
 *
 * @example
 * playgroundSpec({ ...defaultState, batchNorm: true, dropout: 0.2 }).layers;
 * // [2, 4, 'batch-norm', { name: 'dropout', options: { rate: 0.2 } }, 2, 'batch-norm', …, 1]
 */
export function playgroundSpec(state: PlaygroundState, registry = builtinRegistry()): LayeredNetworkSpec {
  const none = state.regularizer === noRegularizer;
  const activation = (name: string) => pluginName(registry, 'activation', name);
  const after: LayerEntry[] = [
    ...(state.batchNorm ? ['batch-norm' as const] : []),
    ...(state.dropout > 0 ? [{ name: 'dropout' as const, options: { rate: state.dropout } }] : []),
  ];
  return {
    layers: [state.features.length, ...state.hidden.flatMap((units) => [units, ...after]), 1],
    activation: state.activations.map(activation),
    outputActivation: activation(state.outputActivation),
    loss: pluginName(registry, 'loss', state.loss),
    regularizer: none ? 'l2' : pluginName(registry, 'regularizer', state.regularizer),
    lambda: none ? 0 : state.lambda,
    seed: state.seed,
  };
}

/** A network, its data and its training position; rebuilt whenever the state changes. */
export class PlaygroundSession {
  #net: Network;
  readonly data: PlaygroundData;
  #state: PlaygroundState;
  #epoch = 0;
  #optimizer: OptimizerPlugin;
  /** The schedule `#optimizer` runs, if any. */
  #schedule: Schedule | undefined;
  /** What `fit` returned last, handed to the next call so Adam's moments and t carry on. */
  #optimizerState: OptimizerState | undefined;
  /** Minibatch updates since the network was made: where a schedule chosen mid-run starts. */
  #updates = 0;
  readonly #registry: PluginRegistry;
  readonly #grid;
  readonly #resolution: number;

  /** Throws the library's error (naming the bad choice) when the state cannot make a network. */
  constructor(state: PlaygroundState, registry: PluginRegistry, resolution = gridSide) {
    this.#state = state;
    this.#registry = registry;
    this.#net = createNetwork(playgroundSpec(state, registry), { registry });
    this.data = playgroundData(state);
    [this.#optimizer, this.#schedule] = this.#makeOptimizer(state);
    this.#resolution = resolution;
    this.#grid = gridInputs(resolution, state.features);
  }

  get net(): Network {
    return this.#net;
  }

  get state(): PlaygroundState {
    return this.#state;
  }

  /**
   * Takes new training settings (learning rate, λ, regularizer, batch size, optimizer) and keeps
   * Θ and the epoch, as the Playground does. Adam-like moments carry over when only the rate
   * changes; a new optimizer, or a full-batch one (whose history belongs to the old objective),
   * starts afresh. Settings that change the network or the data need a new session.
   */
  retune(state: PlaygroundState): void {
    const before = this.#state;
    const spec = playgroundSpec(state, this.#registry);
    const old = playgroundSpec(before, this.#registry);
    if (spec.lambda !== old.lambda || spec.regularizer !== old.regularizer) {
      const next = createNetwork(spec, { registry: this.#registry });
      next.params.set(this.#net.params);
      next.state.set(this.#net.state);
      this.#net = next;
    }
    // Moments carry over a change of rate, schedule or batch size; a new optimizer, or a
    // full-batch one (whose history belongs to the old objective), starts afresh.
    if (state.optimizer !== before.optimizer || this.#optimizer.mode !== 'minibatch') {
      this.#optimizerState = undefined;
    }
    [this.#optimizer, this.#schedule] = this.#makeOptimizer(state);
    this.#state = state;
    this.#alignSchedule();
  }

  /**
   * A schedule counts every update of the run, not of the current optimizer: one chosen mid-run
   * (or kept across a change of optimizer) starts at t = updates so far; without one, no t is kept.
   */
  #alignSchedule(): void {
    const state = this.#optimizerState;
    if (!state || this.#optimizer.mode !== 'minibatch') return;
    if (this.#schedule === undefined) delete state['scheduleStep'];
    else if (!('scheduleStep' in state)) state['scheduleStep'] = this.#updates;
  }

  /**
   * Sets one weight, Θ(layer)[row][column] (layer l of Θ(l), 1-based; column 0 is the bias
   * weight), as clicking a link and typing a value does.
   */
  setWeight(layer: number, row: number, column: number, value: number): void {
    const theta = this.#net.thetas[layer - 1];
    if (!theta || !(row >= 0 && row < theta.rows && column >= 0 && column < theta.cols)) {
      throw new RangeError(`Θ(${layer}) has no entry at row ${row}, column ${column}`);
    }
    if (!Number.isFinite(value)) throw new RangeError(`a weight must be a finite number, got ${value}`);
    theta.data[row * theta.cols + column] = value;
  }

  /** The chosen optimizer at the chosen rate, with the schedule replacing a constant rate. */
  #makeOptimizer(state: PlaygroundState): [OptimizerPlugin, Schedule | undefined] {
    const optimizer = this.#registry.get('optimizer', state.optimizer);
    // Only optimizers with a learning rate take one (conjugate gradient and L-BFGS search).
    const options: PluginOptions =
      optimizer.options && 'learningRate' in optimizer.options ? { learningRate: state.learningRate } : {};
    const plugin = this.#registry.resolve('optimizer', { name: state.optimizer, options });
    // The minibatch optimizers are chains ending in their learning rate, which withSchedule
    // replaces; full-batch methods search their step and take no schedule.
    if (!('transforms' in plugin)) return [plugin, undefined];
    const schedule = learningRateSchedule(
      state.schedule,
      state.learningRate,
      state.scheduleEpochs,
      this.#updatesPerEpoch(state),
    );
    return schedule ? [withSchedule(plugin as ChainOptimizer, schedule), schedule] : [plugin, undefined];
  }

  /** Minibatches an epoch: ⌈training rows / batch size⌉. */
  #updatesPerEpoch(state: PlaygroundState): number {
    const rows = this.data.train.x.rows;
    return Math.ceil(rows / Math.min(state.batchSize, rows));
  }

  /** α for the next update: α(t) under a schedule, the constant α otherwise, null for full-batch methods. */
  get learningRate(): number | null {
    if (this.#optimizer.mode !== 'minibatch') return null;
    const step = this.#optimizerState?.['scheduleStep'];
    if (this.#schedule === undefined) return this.#state.learningRate;
    return this.#schedule(typeof step === 'number' ? step : this.#updates);
  }

  get epoch(): number {
    return this.#epoch;
  }

  /** Trains `epochs` more epochs (minibatches of batchSize, seeded shuffles per epoch). */
  async train(epochs = 1): Promise<void> {
    for (let e = 0; e < epochs; e++) {
      if (!this.#optimizerState && this.#optimizer.mode === 'minibatch') {
        // Made here rather than by fit, so a schedule's t can start at the run's update count.
        this.#optimizerState = this.#optimizer.init(this.#net.params);
        if (this.#schedule !== undefined) this.#optimizerState['scheduleStep'] = this.#updates;
      }
      const history = await fit(this.#net, this.data.train, {
        optimizer: this.#optimizer,
        ...(this.#optimizerState && { optimizerState: this.#optimizerState }),
        epochs: 1,
        batchSize: Math.min(this.#state.batchSize, this.data.train.x.rows),
        // A new shuffle every epoch, the same ones for the same seed.
        seed: (this.#state.seed * 100_003 + this.#epoch + 1) | 0,
      });
      this.#optimizerState = history.optimizerState;
      // Counted once the epoch finished: a diverged epoch is not one the network has trained.
      this.#epoch++;
      if (this.#optimizer.mode === 'minibatch') this.#updates += this.#updatesPerEpoch(this.#state);
    }
  }

  /** The data cost (without the λ term) on the training and test points. */
  losses(): { train: number; test: number } {
    const { train, test } = this.data;
    return {
      train: this.#net.evaluate(train.x, train.y).dataCost,
      test: this.#net.evaluate(test.x, test.y).dataCost,
    };
  }

  snapshot(): PlaygroundSnapshot {
    const { train, test } = this.losses();
    const n = this.#resolution;
    const half = n >> 1;
    const outputs = layerOutputs(this.#net, this.#grid);
    const last = outputs[outputs.length - 1]!;
    const output = Float32Array.from(last.data);
    // Painting dozens of unit pictures a frame costs by the pixel: a quarter of the points is
    // plenty for a 36-pixel unit, and the worker, not the page, does the averaging.
    const unitMaps = outputs.map((a) =>
      Array.from({ length: a.cols }, (_, j) => {
        const values = new Float32Array(half * half);
        for (let r = 0; r < half; r++) {
          for (let c = 0; c < half; c++) {
            const at = (row: number, col: number) => a.data[(row * n + col) * a.cols + j]!;
            values[r * half + c] =
              (at(2 * r, 2 * c) + at(2 * r, 2 * c + 1) + at(2 * r + 1, 2 * c) + at(2 * r + 1, 2 * c + 1)) / 4;
          }
        }
        return values;
      }),
    );
    return {
      epoch: this.#epoch,
      trainLoss: train,
      testLoss: test,
      learningRate: this.learningRate,
      thetas: this.#net.thetas.map((theta) => toRows(theta)),
      resolution: n,
      output,
      unitResolution: half,
      unitMaps,
    };
  }

  /**
   * Every quantity of one forward and backward pass on training examples index..index+count−1
   * (one example, or a minibatch of `count`).
   */
  trace(index: number, count = 1): BackpropTrace {
    const { x, y } = this.data.train;
    if (!(Number.isInteger(index) && index >= 0 && index < x.rows)) {
      throw new RangeError(`example ${index} is not one of the ${x.rows} training points (0..${x.rows - 1})`);
    }
    if (!(Number.isInteger(count) && count >= 1 && index + count <= x.rows)) {
      throw new RangeError(
        `a minibatch of ${count} from example ${index} runs past the ${x.rows} training points; choose 1..${x.rows - index}`,
      );
    }
    return traceBackprop(this.#net, rowSlice(x, index, index + count), rowSlice(y, index, index + count));
  }

  /** Backprop's D against central differences on all training points. */
  gradientCheck(): GradientCheckReport {
    const { x, y } = this.data.train;
    return checkGradients(this.#net, x, y, { worst: 5 });
  }
}
