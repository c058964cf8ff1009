// What the CLI stores in a model file's metadata: where the data came from and how to read the
// next file the same way (columns, classes, normalization), and the flags that trained it.
import type { JsonValue } from '@deltanet/backprop';
import type { ColumnRef, Standardizer } from '@deltanet/data';
import type { FlagValues } from '../args/flags';

/** The metadata of a model trained by `deltanet train`. */
export interface ModelMetadata {
  /** A built-in dataset's name or the data file as given. */
  readonly dataset: string;
  /** sha256 of the data file's bytes, or of a built-in set's training rows. */
  readonly fingerprint: string;
  readonly trainRows: number;
  readonly testRows: number;
  /** How the file was read: reused by evaluate and predict. */
  readonly read?: {
    readonly format: 'csv' | 'jsonl';
    readonly label?: ColumnRef | readonly ColumnRef[];
    readonly labelMode?: string;
    readonly header?: boolean;
    readonly delimiter?: string;
  };
  readonly classNames?: readonly string[];
  readonly featureNames?: readonly string[];
  /** Feature standardization fitted on the training rows, applied to every later input. */
  readonly normalization?: Standardizer;
  /** Regression: target standardization fitted on the training rows, undone on every output. */
  readonly targetNormalization?: Standardizer;
  /**
   * What the output units hold: `probabilities` (a softmax row, or one sigmoid unit with
   * cross-entropy) or `scores` (one sigmoid per class, as the course's digits network: each in
   * [0, 1], not summing to 1), or `values` (regression).
   */
  readonly outputs?: 'probabilities' | 'scores' | 'values';
  /** Regression: the training targets' mean per output, the prediction of R²'s baseline. */
  readonly targetMean?: readonly number[];
  /** Regression figures on the held-out rows (or the training rows without them) at save time. */
  readonly metrics?: { readonly [key: string]: number | string };
  readonly seed: number;
  /** Third-party plugins the model needs, and the modules they came from. */
  readonly plugins: readonly { readonly kind: string; readonly name: string; readonly module: string }[];
  /** The flags (after --config) that decide what the run computes: `--resume` repeats them. */
  readonly flags: FlagValues;
  /** Checkpoints only: where the run saves (--out, --checkpoint, --checkpoint-every). */
  readonly output?: FlagValues;
  readonly deltanet: string;
}

/** The metadata as the JSON value a model file stores. */
export function toJson(metadata: ModelMetadata): { readonly [key: string]: JsonValue } {
  return JSON.parse(JSON.stringify(metadata)) as { readonly [key: string]: JsonValue };
}

/** Reads what the CLI needs from any model's metadata; fields other tools left out stay undefined. */
export function readMetadata(metadata: { readonly [key: string]: JsonValue }): Partial<ModelMetadata> {
  const strings = (value: JsonValue | undefined) =>
    Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  const normalization = metadata.normalization as Standardizer | undefined;
  return {
    ...(typeof metadata.dataset === 'string' && { dataset: metadata.dataset }),
    ...(typeof metadata.fingerprint === 'string' && { fingerprint: metadata.fingerprint }),
    ...(typeof metadata.seed === 'number' && { seed: metadata.seed }),
    ...(typeof metadata.trainRows === 'number' && { trainRows: metadata.trainRows }),
    ...(typeof metadata.testRows === 'number' && { testRows: metadata.testRows }),
    ...(strings(metadata.classNames) && { classNames: strings(metadata.classNames) }),
    ...(strings(metadata.featureNames) && { featureNames: strings(metadata.featureNames) }),
    ...(metadata.normalization !== undefined && { normalization }),
    ...(metadata.targetNormalization !== undefined && {
      targetNormalization: metadata.targetNormalization as unknown as Standardizer,
    }),
    ...((metadata.outputs === 'probabilities' ||
      metadata.outputs === 'scores' ||
      metadata.outputs === 'values') && {
      outputs: metadata.outputs,
    }),
    ...(Array.isArray(metadata.targetMean) &&
      metadata.targetMean.every((v) => typeof v === 'number') && {
        targetMean: metadata.targetMean as number[],
      }),
    ...(isRecord(metadata.metrics) && { metrics: metadata.metrics as ModelMetadata['metrics'] }),
    ...(isRecord(metadata.read) && { read: metadata.read as unknown as ModelMetadata['read'] }),
    ...(Array.isArray(metadata.plugins) && {
      plugins: metadata.plugins as unknown as ModelMetadata['plugins'],
    }),
    ...(isRecord(metadata.flags) && { flags: metadata.flags as FlagValues }),
    ...(isRecord(metadata.output) && { output: metadata.output as FlagValues }),
    ...(typeof metadata.deltanet === 'string' && { deltanet: metadata.deltanet }),
  };
}

function isRecord(value: JsonValue | undefined): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is inconsistent between the metadata and a network of `layers`, or undefined: a
 * normalization for another number of inputs, class names that are not one per output (two
 * for one sigmoid unit) or not unique, feature names of another count.
 */
export function checkMetadata(info: Partial<ModelMetadata>, layers: readonly number[]): string | undefined {
  const inputs = layers[0]!;
  const outputs = layers.at(-1)!;
  const standardizer = (name: string, value: Standardizer | undefined, width: number) => {
    if (value === undefined) return undefined;
    const { mean, std } = value as { mean?: unknown; std?: unknown };
    const numbers = (list: unknown) =>
      Array.isArray(list) &&
      list.length === width &&
      list.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!numbers(mean) || !numbers(std))
      return `${name} must hold ${width} finite means and ${width} finite standard deviations`;
    if ((std as number[]).some((v) => v <= 0)) return `${name}.std must be positive`;
    return undefined;
  };
  const problem =
    standardizer('normalization', info.normalization, inputs) ??
    standardizer('targetNormalization', info.targetNormalization, outputs);
  if (problem) return problem;
  if (info.classNames) {
    const expected = outputs === 1 ? 2 : outputs;
    if (info.classNames.length !== expected)
      return `classNames has ${info.classNames.length} names; the network has ${outputs} output${outputs === 1 ? ' (two classes)' : 's'}, so it needs ${expected}`;
    const duplicate = info.classNames.find((name, i) => info.classNames!.indexOf(name) !== i);
    if (duplicate !== undefined) return `classNames names "${duplicate}" twice`;
  }
  if (info.featureNames && info.featureNames.length !== inputs)
    return `featureNames has ${info.featureNames.length} names; the network takes ${inputs} inputs`;
  return undefined;
}
