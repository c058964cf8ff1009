// The rows `deltanet train` learns from and is tested on: a built-in set with its seeded split,
// or a file split by --test-split (or tested on --test), optionally standardized.
import { createHash } from 'node:crypto';
import type { DType, Matrix } from '@deltanet/contract';
import type { Dataset, LabelMode, Standardizer } from '@deltanet/data';
import { applyStandardizer, fitStandardizer, splitDataset } from '@deltanet/data';
import type { FlagValues } from '../args/flags';
import { text } from '../args/flags';
import { fraction } from '../args/values';
import type { ModelMetadata } from '../model/metadata';
import { loadNamedDataset } from './datasets';
import { columnRefs, looksLikeFile, readDataFile } from './files';

/** Train and test rows with what a model file records about them. */
export interface TrainingData {
  readonly train: Dataset;
  readonly test: Dataset;
  readonly provenance: Pick<
    ModelMetadata,
    | 'dataset'
    | 'fingerprint'
    | 'trainRows'
    | 'testRows'
    | 'read'
    | 'classNames'
    | 'featureNames'
    | 'normalization'
  >;
}

/** Loads `ref` (a built-in name or a file) as the train command's flags say. */
export async function trainingData(
  ref: string,
  values: FlagValues,
  seed: number,
  dtype: DType,
): Promise<TrainingData> {
  let train: Dataset;
  let test: Dataset;
  let fingerprint: string;
  let read: ModelMetadata['read'];
  if (!looksLikeFile(ref)) {
    ({ train, test } = loadNamedDataset(ref, seed, dtype));
    fingerprint = fingerprintOf(train.x, train.y);
  } else {
    const label = text(values, 'label');
    const options = {
      dtype,
      ...(label !== undefined && { label: columnRefs(label) }),
      ...(text(values, 'label-mode') && { labelMode: text(values, 'label-mode') as LabelMode }),
      ...(text(values, 'features') && { features: [columnRefs(text(values, 'features')!)].flat() }),
      ...(values['no-header'] === true && { header: false }),
      ...(text(values, 'delimiter') && { delimiter: text(values, 'delimiter') }),
      ...(text(values, 'format') && { format: text(values, 'format') }),
    };
    const file = await readDataFile(ref, options);
    fingerprint = file.fingerprint;
    read = {
      format: file.format,
      ...(options.label !== undefined && { label: options.label }),
      ...(options.labelMode && { labelMode: options.labelMode }),
      ...(options.header !== undefined && { header: options.header }),
      ...(options.delimiter && { delimiter: options.delimiter }),
    };
    const testFile = text(values, 'test');
    if (testFile !== undefined) {
      train = file.dataset;
      const names = train.featureNames;
      test = (
        await readDataFile(testFile, {
          ...options,
          ...(names && { features: names }),
          ...(train.classNames && { classNames: train.classNames }),
        })
      ).dataset;
    } else {
      const testFraction = fraction('--test-split', text(values, 'test-split') ?? '0.2');
      ({ train, test } = splitDataset(file.dataset, { testFraction, seed }));
    }
  }
  let normalization: Standardizer | undefined;
  if (values.normalize === true) {
    normalization = fitStandardizer(train.x);
    train = { ...train, x: applyStandardizer(train.x, normalization) };
    if (test.x.rows > 0) test = { ...test, x: applyStandardizer(test.x, normalization) };
  }
  return {
    train,
    test,
    provenance: {
      dataset: ref,
      fingerprint,
      trainRows: train.x.rows,
      testRows: test.x.rows,
      ...(read && { read }),
      ...(train.classNames && { classNames: [...train.classNames] }),
      ...(train.featureNames && { featureNames: [...train.featureNames] }),
      ...(normalization && { normalization }),
    },
  };
}

/** sha256 of x's and y's shapes and values: the same rows give the same fingerprint. */
export function fingerprintOf(x: Matrix, y: Matrix): string {
  const hash = createHash('sha256');
  for (const m of [x, y]) {
    hash.update(`${m.rows}x${m.cols};`);
    hash.update(new Uint8Array(Float64Array.from(m.data).buffer));
  }
  return `sha256:${hash.digest('hex')}`;
}
