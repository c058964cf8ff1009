// Data files: CSV/TSV or JSON lines, read with the label and feature columns the user (or a
// saved model) names. Every problem becomes a DataError at file:line:column.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { DType } from '@deltanet/contract';
import type { ColumnRef, Dataset, LabelMode } from '@deltanet/data';
import { parseCsv, parseJsonLines } from '@deltanet/data';
import { UsageError } from '../exit-codes';
import { readInput } from '../input';

/** How to read a data file; every field is optional. */
export interface FileOptions {
  /** The label column(s): names or 0-based indices; null when predicting without labels. */
  readonly label?: ColumnRef | readonly ColumnRef[] | null;
  readonly labelMode?: LabelMode;
  /** Feature columns in order (a model's saved names); default all but the labels. */
  readonly features?: readonly ColumnRef[];
  readonly header?: boolean;
  readonly delimiter?: string;
  /** 'csv' or 'jsonl'; default by extension. */
  readonly format?: string;
  /** The training set's classes, so a test or predict file maps labels the same way. */
  readonly classNames?: readonly string[];
  readonly dtype: DType;
}

/** A file read into a dataset, with a fingerprint of its bytes for provenance. */
export interface FileData {
  readonly dataset: Dataset;
  readonly format: 'csv' | 'jsonl';
  readonly fingerprint: string;
}

const formats: Record<string, 'csv' | 'jsonl'> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Reads `path`, or standard input for `-` (I/O errors are FileErrors naming the file, exit 5). */
export async function readDataFile(path: string, options: FileOptions): Promise<FileData> {
  const format = path === '-' ? formatOf('-.csv', options.format) : formatOf(path, options.format);
  const bytes = await readInput(path);
  const text = bytes.toString('utf8');
  const common = {
    source: path === '-' ? '(standard input)' : path,
    dtype: options.dtype,
    ...(options.label !== undefined && { label: options.label }),
    ...(options.labelMode && { labelMode: options.labelMode }),
    ...(options.features && { features: options.features }),
    ...(options.classNames && { classNames: options.classNames }),
  };
  const dataset =
    format === 'csv'
      ? parseCsv(text, {
          ...common,
          ...(options.header !== undefined && { header: options.header }),
          delimiter: options.delimiter ?? (extname(path).toLowerCase() === '.tsv' ? '\t' : ','),
        })
      : parseJsonLines(text, common);
  return { dataset, format, fingerprint: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

/** Whether `ref` names a file rather than a built-in dataset. */
export function looksLikeFile(ref: string): boolean {
  return ref === '-' || ref.includes('/') || ref.includes('\\') || extname(ref) !== '';
}

/** "species" → "species"; "4" → 4 (a 0-based index); "a,b" → ["a", "b"]. */
export function columnRefs(text: string): ColumnRef | ColumnRef[] {
  const refs = text.split(',').map((part) => (/^\d+$/.test(part.trim()) ? Number(part) : part.trim()));
  return refs.length === 1 ? refs[0]! : refs;
}

function formatOf(path: string, given: string | undefined): 'csv' | 'jsonl' {
  if (given !== undefined) {
    if (given !== 'csv' && given !== 'jsonl')
      throw new UsageError(`--format must be csv or jsonl, got "${given}"`);
    return given;
  }
  const format = formats[extname(path).toLowerCase()];
  if (!format) {
    throw new UsageError(
      `${path}: cannot tell the format from the extension "${extname(path)}"; use ${Object.keys(formats).join(', ')} or --format csv|jsonl`,
    );
  }
  return format;
}
