// The playground's whole state: everything a shared link must carry to reproduce a run.
import type { PlaygroundSetName } from '@deltanet/data';
import type { FeatureName } from './features';

/** Hidden layers allowed, and units per hidden layer (as in TensorFlow Playground). */
export const limits = {
  hiddenLayers: { min: 0, max: 6 },
  units: { min: 1, max: 8 },
  noise: { min: 0, max: 50 },
  trainPercent: { min: 10, max: 90 },
  batchSize: { min: 1, max: 100 },
  learningRate: { min: 1e-5, max: 10 },
  lambda: { min: 0, max: 10 },
} as const;

/** Points generated per dataset (train and test together). */
export const samples = 500;

/** One playground configuration; the plugin names come from the registry. */
export interface PlaygroundState {
  readonly dataset: PlaygroundSetName;
  /** Noise in percent, 0–50 (the generators take noise / 100). */
  readonly noise: number;
  /** Share of points used for training, in percent. */
  readonly trainPercent: number;
  /** Seed of the points and of the train/test split ("regenerate" draws a new one). */
  readonly dataSeed: number;
  readonly features: readonly FeatureName[];
  /** Units of each hidden layer, input side first. */
  readonly hidden: readonly number[];
  /** One hidden activation per hidden layer. */
  readonly activations: readonly string[];
  readonly outputActivation: string;
  readonly loss: string;
  readonly optimizer: string;
  readonly learningRate: number;
  readonly lambda: number;
  readonly regularizer: string;
  readonly batchSize: number;
  /** Seed of Θ's initialization and of the minibatch shuffles. */
  readonly seed: number;
}

/** The names the registry offers for each choice; the URL parser accepts only these. */
export interface PluginChoices {
  readonly activations: readonly string[];
  readonly losses: readonly string[];
  readonly optimizers: readonly string[];
  readonly regularizers: readonly string[];
}

/** The state a fresh page starts from: circle, x1 and x2, 4-2 sigmoid units, cross-entropy. */
export const defaultState: PlaygroundState = {
  dataset: 'circle',
  noise: 0,
  trainPercent: 50,
  dataSeed: 1,
  features: ['x1', 'x2'],
  hidden: [4, 2],
  activations: ['sigmoid', 'sigmoid'],
  outputActivation: 'sigmoid',
  loss: 'cross-entropy',
  optimizer: 'adam',
  learningRate: 0.03,
  lambda: 0,
  regularizer: 'l2',
  batchSize: 10,
  seed: 1,
};
