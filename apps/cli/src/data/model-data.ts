// Rows for a trained model (evaluate, predict): a built-in set's held-out split, or a file read
// the way the training file was (columns, classes), with the model's feature standardization.
import type { Network } from '@deltanet/backprop';
import type { PluginRegistry } from '@deltanet/contract';
import { DataError } from '@deltanet/contract';
import type { ColumnRef, Dataset } from '@deltanet/data';
import { applyStandardizer } from '@deltanet/data';
import type { FlagValues } from '../args/flags';
import { text } from '../args/flags';
import { UsageError } from '../exit-codes';
import type { ModelFile, ModelReading } from '../model/files';
import { readModel } from '../model/files';
import type { ModelMetadata } from '../model/metadata';
import { loadNamedDataset } from './datasets';
import type { FileOptions } from './files';
import { looksLikeFile, readDataFile } from './files';

/** How this file differs from the training file: --format, --delimiter, --no-header. */
export interface ReadOverrides {
  readonly format?: 'csv' | 'jsonl';
  readonly delimiter?: string;
  readonly header?: boolean;
}

/** The overrides the flags of predict / evaluate give. */
export function readOverrides(values: FlagValues): ReadOverrides {
  const format = text(values, 'format');
  if (format !== undefined && format !== 'csv' && format !== 'jsonl')
    throw new UsageError(`--format must be csv or jsonl, got "${format}"`);
  return {
    ...(format !== undefined && { format }),
    ...(text(values, 'delimiter') !== undefined && { delimiter: text(values, 'delimiter')! }),
    ...(values['no-header'] === true && { header: false }),
  };
}

/**
 * Reads `ref` for `model`. With `labels`, the rows must carry the label columns the model was
 * trained on; without, label columns are ignored if present. Throws a DataError naming the file
 * when it does not have the model's features.
 */
export async function dataForModel(
  ref: string,
  model: ModelFile,
  labels: boolean,
  reading: ReadOverrides = {},
): Promise<Dataset> {
  const net = model.network;
  const { info } = model;
  let dataset: Dataset;
  if (!looksLikeFile(ref)) {
    dataset = loadNamedDataset(ref, info.seed ?? 1, net.dtype).test;
  } else {
    const read = { ...info.read, ...reading } as ModelMetadata['read'] & ReadOverrides;
    const options: FileOptions = {
      dtype: net.dtype,
      ...(read?.format && { format: read.format }),
      ...(read?.header !== undefined && { header: read.header }),
      ...(read?.delimiter && { delimiter: read.delimiter }),
      ...(info.featureNames && read?.header !== false && { features: info.featureNames }),
      ...(info.classNames && { classNames: info.classNames }),
    };
    if (labels) {
      dataset = (
        await readDataFile(ref, {
          ...options,
          ...(read?.label !== undefined && { label: read.label }),
          ...(read?.labelMode && { labelMode: read.labelMode as FileOptions['labelMode'] }),
        })
      ).dataset;
    } else {
      dataset = (await readDataFile(ref, { ...options, label: null })).dataset;
      if (!info.featureNames && dataset.x.cols !== net.layers[0]) {
        // A headerless file with its label column(s) still in it: drop them by position.
        const width = dataset.x.cols;
        const label = read?.label ?? width - 1;
        const labelColumns = [label].flat().filter((c): c is number => typeof c === 'number');
        const features: ColumnRef[] = [...Array(width).keys()].filter((j) => !labelColumns.includes(j));
        if (features.length === net.layers[0]) {
          dataset = (await readDataFile(ref, { ...options, label: null, features })).dataset;
        }
      }
    }
  }
  checkFeatures(ref, dataset, net, info.featureNames);
  return info.normalization ? { ...dataset, x: applyStandardizer(dataset.x, info.normalization) } : dataset;
}

function checkFeatures(
  ref: string,
  dataset: Dataset,
  net: Network,
  names: readonly string[] | undefined,
): void {
  const expected = net.layers[0]!;
  if (dataset.x.cols === expected) return;
  const listed = names ? ` (${names.join(', ')})` : '';
  throw new DataError(
    { file: ref },
    `has ${dataset.x.cols} feature columns; the model takes ${expected}${listed}`,
  );
}

/**
 * `--model m.json <data>` of evaluate and predict: the model and its rows, or a UsageError
 * naming what `command` is missing.
 */
export async function modelAndRows(
  command: string,
  started: { values: FlagValues; positionals: readonly string[]; registry: PluginRegistry },
  labels: boolean,
  reading: ModelReading = {},
): Promise<{ model: ModelFile; data: Dataset }> {
  const model = await readModel(modelArgs(command, started).model, started.registry, reading);
  const data = await dataForModel(started.positionals[0]!, model, labels, readOverrides(started.values));
  return { model, data };
}

/** The --model path and the data argument of evaluate and predict, or a UsageError. */
export function modelArgs(
  command: string,
  started: { values: FlagValues; positionals: readonly string[] },
): { model: string; data: string } {
  const modelPath = text(started.values, 'model');
  if (modelPath === undefined) throw new UsageError(`${command} needs --model <model.json>`);
  if (started.positionals.length !== 1) {
    throw new UsageError(
      `${command} takes one dataset or file (- for standard input), got ${started.positionals.length}`,
    );
  }
  return { model: modelPath, data: started.positionals[0]! };
}

/** The flags evaluate and predict take to read a file unlike the training file. */
export const readFlags = {
  format: {
    type: 'string',
    value: '<csv|jsonl>',
    help: "the file's format, when it differs from the training file's",
  },
  delimiter: {
    type: 'string',
    value: '<char>',
    help: "CSV delimiter, when it differs from the training file's",
  },
  'no-header': { type: 'boolean', help: 'the first CSV row is data' },
  'accept-edits': {
    type: 'boolean',
    help: 'load a model that fails its integrity check (edited on purpose), with a warning',
  },
} as const;
