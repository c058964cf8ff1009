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
    ...(normalization &&
      Array.isArray(normalization.mean) &&
      Array.isArray(normalization.std) && { normalization }),
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
