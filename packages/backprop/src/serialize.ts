// The model file: a versioned JSON document with the spec (plugins by name and options), every
// Θ(l) in the course's layout, the training history, the caller's metadata and an integrity
// check over all of it. Loading validates every field, names the first bad one, and verifies
// the check. Format: docs/model-format.md.
import type { BackendPlugin, PluginRegistry } from '@deltanet/contract';
import { DeltanetError, FormatError } from '@deltanet/contract';
import { builtinRegistry } from './builtins';
import type { TrainingState } from './checkpoint';
import { readTrainingState } from './checkpoint';
import type { EpochRecord } from './history';
import { documentIntegrity } from './integrity';
import { isObject } from './internal/is-object';
import { Network } from './network';
import type { SpecDescription } from './spec';
import { describeSpec, resolveSpec } from './spec';
import { placeStack } from './stack';

/** The format name written in every model file. */
export const MODEL_FORMAT = 'deltanet-model';
/**
 * The newest format version this code writes and reads (2: with the `integrity` field). Networks
 * with layers besides dense ones add the optional `layers` and `state` fields within version 2
 * (an older deltanet refuses them at `spec.layers[i]`, naming the entry it cannot read); an
 * all-dense network is written byte for byte as before.
 */
export const MODEL_VERSION = 2;

/** A parameter or state block of a non-dense layer, as a model file holds it. */
export interface SavedBlock {
  /** The layer's index in the spec's `layers`. */
  readonly layer: number;
  /** The block's name (`'γ'`, `'running mean'`). */
  readonly name: string;
  /** Rows of the block. */
  readonly rows: number;
  /** Columns of the block. */
  readonly cols: number;
  /** rows × cols numbers, row-major. */
  readonly values: readonly number[];
}

/** A JSON value (metadata the caller stores with the model: class names, normalization…). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** The parsed model document. */
export interface ModelDocument {
  /** Always `'deltanet-model'` (`MODEL_FORMAT`). */
  readonly format: typeof MODEL_FORMAT;
  /** The file format's version, `MODEL_VERSION` (2) when written; a newer one is refused. */
  readonly version: number;
  /** The resolved spec as `describeSpec` writes it: layer sizes and every plugin with its options. */
  readonly spec: SpecDescription;
  /** Θ(1)…Θ(L−1): rows = s(l+1), cols = s(l) + 1, values row-major with the bias in column 0. */
  readonly thetas: readonly {
    /** s(l+1). */
    readonly rows: number;
    /** s(l) + 1. */
    readonly cols: number;
    /** rows × cols numbers, row-major, bias weights in column 0. */
    readonly values: readonly number[];
  }[];
  /** Present with non-dense layers: the parameter blocks of the non-dense layers (batch-norm's γ and β), in stack order. */
  readonly layers?: readonly SavedBlock[];
  /** Present with non-dense layers: the state blocks of the non-dense layers (batch-norm's running statistics), in stack order. */
  readonly state?: readonly SavedBlock[];
  /** Every epoch trained, as the network's `history`. */
  readonly history: readonly EpochRecord[];
  /** Free-form JSON saved with the model (e.g. class names); `{}` when none. */
  readonly metadata: { readonly [key: string]: JsonValue };
  /** Present in checkpoints: where training stood, to continue with `fit(…, { resume })`. */
  readonly training?: TrainingState;
  /**
   * Version 2 on: `"sha256:…"` of the canonical JSON of every other field (keys sorted, numbers
   * in shortest round-trip form). Loading refuses a document that does not match it.
   */
  readonly integrity?: string;
}

/**
 * What loading found of the integrity check: `verified`; `absent` (a version 1 file, written
 * before the check existed); or `modified` (it did not match and `verifyIntegrity` was false).
 */
export type IntegrityStatus = 'verified' | 'absent' | 'modified';

/** A loaded model: the network and the metadata saved with it. */
export interface LoadedModel {
  /** The network rebuilt with the saved Θ and history. */
  readonly network: Network;
  /** The document's `metadata`, `{}` when none was saved. */
  readonly metadata: { readonly [key: string]: JsonValue };
  /** The training state of a checkpoint; undefined in a finished model. */
  readonly training?: TrainingState;
  /** What the integrity check found: `verified`, `absent` (version 1) or `modified`. */
  readonly integrity: IntegrityStatus;
}

/**
 * The model as a JSON string. Equal networks give equal strings, byte for byte; numbers are
 * written in shortest round-trip form, so loading restores every parameter bit for bit.
 *
 * @example
 * const text = serializeNetwork(net, { metadata: { classNames: ['cat', 'dog'] } });
 */
export function serializeNetwork(
  net: Network,
  options: { metadata?: ModelDocument['metadata']; training?: TrainingState } = {},
): string {
  const thetas = net.thetas.map(({ rows, cols, data }) => ({ rows, cols, values: Array.from(data) }));
  const content = {
    format: MODEL_FORMAT as typeof MODEL_FORMAT,
    version: MODEL_VERSION,
    spec: describeSpec(net.spec),
    thetas,
    ...(!net.allDense && { layers: savedBlocks(net, 'parameters'), state: savedBlocks(net, 'state') }),
    history: net.history.map((record) => ({ ...record })),
    metadata: options.metadata ?? {},
    ...(options.training && { training: options.training }),
  };
  // Hashed as it will be read back: through JSON, where undefined fields and -0 do not survive.
  const doc: ModelDocument = {
    ...content,
    integrity: documentIntegrity(JSON.parse(JSON.stringify(content)) as Record<string, unknown>),
  };
  // Indented for people, except the long value arrays, which stay on one line each.
  const values: string[] = [];
  const text = JSON.stringify(
    doc,
    (key, value) => {
      if (key === 'values' && Array.isArray(value)) {
        values.push(JSON.stringify(value));
        return `\u0000${values.length - 1}`;
      }
      return value;
    },
    2,
  );
  return `${text.replace(/"\\u0000(\d+)"/g, (_, i: string) => values[Number(i)]!)}\n`;
}

/** Where to resolve plugin names and which backend the loaded network runs on. */
export interface ParseOptions {
  /** Plugins to resolve the spec's names against. Default: every built-in. */
  readonly registry?: PluginRegistry;
  /** Backend of the loaded network. Default: `defaultBackend` for the saved dtype. */
  readonly backend?: BackendPlugin;
  /** File name for error messages. */
  readonly source?: string;
  /**
   * Refuse a document whose `integrity` does not match its content. Default true; pass false
   * to load a file edited by hand on purpose (the result says `integrity: 'modified'`).
   */
  readonly verifyIntegrity?: boolean;
}

/**
 * Reads a model file's text back into a network, validating every field.
 *
 * @example
 * const { network } = parseNetwork(await readFile('model.json', 'utf8'), { source: 'model.json' });
 */
export function parseNetwork(text: string, options: ParseOptions = {}): LoadedModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FormatError('(document)', `not valid JSON (${(error as Error).message})`, options.source);
  }
  return loadDocument(doc, options);
}

/** Like `parseNetwork`, from an already parsed JSON value. */
export function loadDocument(doc: unknown, options: ParseOptions = {}): LoadedModel {
  const fail = (field: string, message: string): never => {
    throw new FormatError(field, message, options.source);
  };
  if (!isObject(doc)) return fail('(document)', 'expected a JSON object');
  if (doc.format !== MODEL_FORMAT)
    fail('format', `expected "${MODEL_FORMAT}", got ${JSON.stringify(doc.format)}`);
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1) {
    fail('version', `expected a whole number ≥ 1, got ${JSON.stringify(doc.version)}`);
  }
  if ((doc.version as number) > MODEL_VERSION) {
    fail('version', `${doc.version} is newer than this deltanet reads (${MODEL_VERSION}); upgrade deltanet`);
  }
  const integrity = checkIntegrity(doc, options, fail);
  if (!isObject(doc.spec)) fail('spec', 'expected an object');
  const registry = options.registry ?? builtinRegistry();
  let spec: ReturnType<typeof resolveSpec>;
  try {
    spec = resolveSpec(doc.spec as never, registry);
  } catch (error) {
    if (error instanceof DeltanetError) return fail('spec', error.message);
    throw error;
  }
  const thetas = doc.thetas;
  const expected = spec.layers.length - 1;
  if (!Array.isArray(thetas) || thetas.length !== expected) {
    return fail('thetas', `expected ${expected} matrices for layers ${spec.layers.join('-')}`);
  }
  // Every block lands at its offset in stack order: Θ(l) from `thetas`, the others from `layers`
  // and `state`, found by layer index and name.
  const placed = placeStack(spec);
  const params = new Array<number>(placed.parameterCount);
  const state = new Array<number>(placed.stateCount);
  const layerBlocks = readBlocks(doc.layers, 'layers', fail);
  const stateBlocks = readBlocks(doc.state, 'state', fail);
  for (const layer of placed.layers) {
    layer.built.parameters.forEach((block, b) => {
      const at = layer.dense === undefined ? undefined : `thetas[${layer.dense}]`;
      const found = at
        ? (thetas as unknown[])[layer.dense!]
        : findBlock(layerBlocks, layer.index, block.name);
      const field = at ?? `layers (layer ${layer.index} ${layer.plugin.name} ${block.name})`;
      readValues(found, field, block, at ? `Θ(${layer.dense! + 1})` : block.name, fail).forEach((v, i) => {
        params[layer.paramOffsets[b]! + i] = v;
      });
    });
    layer.built.state.forEach((block, b) => {
      const found = findBlock(stateBlocks, layer.index, block.name);
      const field = `state (layer ${layer.index} ${layer.plugin.name} ${block.name})`;
      readValues(found, field, block, block.name, fail).forEach((v, i) => {
        state[layer.stateOffsets[b]! + i] = v;
      });
    });
  }
  const history = readHistory(doc.history, fail);
  const metadata = doc.metadata ?? {};
  if (!isObject(metadata)) fail('metadata', 'expected an object');
  const network = new Network(spec, {
    registry,
    params,
    ...(state.length > 0 && { state }),
    ...(options.backend && { backend: options.backend }),
  });
  network.history.push(...history);
  const training = doc.training === undefined ? undefined : readTrainingState(doc.training, options.source);
  return {
    network,
    metadata: metadata as ModelDocument['metadata'],
    ...(training && { training }),
    integrity,
  };
}

/** Verifies a version 2 document's `integrity` field before anything else is trusted. */
function checkIntegrity(
  doc: Record<string, unknown>,
  options: ParseOptions,
  fail: (field: string, message: string) => never,
): IntegrityStatus {
  if ((doc.version as number) < 2) return 'absent';
  const saved = doc.integrity;
  if (typeof saved !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(saved)) {
    if (options.verifyIntegrity === false) return 'modified';
    return fail('integrity', `expected "sha256:" and 64 hex digits, got ${JSON.stringify(saved)}`);
  }
  if (documentIntegrity(doc) === saved) return 'verified';
  if (options.verifyIntegrity === false) return 'modified';
  return fail(
    'integrity',
    'the content does not match the sha256 written with it: the file was changed after it was saved (by hand, a tool or a damaged disk). To use an edit made on purpose, load it with verifyIntegrity: false (deltanet: --accept-edits) and save it again',
  );
}

function readHistory(history: unknown, fail: (field: string, message: string) => never): EpochRecord[] {
  if (history === undefined) return [];
  if (!Array.isArray(history)) return fail('history', 'expected an array of epoch records');
  return history.map((record: unknown, i) => {
    if (!isObject(record)) return fail(`history[${i}]`, 'expected an object');
    for (const key of ['epoch', 'cost', 'accuracy', 'validationCost', 'validationAccuracy'] as const) {
      const value = record[key];
      const optional = key.startsWith('validation');
      if (optional && value === undefined) continue;
      if (typeof value !== 'number')
        fail(`history[${i}].${key}`, `expected a number, got ${JSON.stringify(value)}`);
    }
    return record as unknown as EpochRecord;
  });
}

/** The non-dense layers' parameter or state blocks, in stack order, as a file holds them. */
function savedBlocks(net: Network, kind: 'parameters' | 'state'): SavedBlock[] {
  return net.stack.flatMap((layer, p) =>
    layer.dense !== undefined
      ? []
      : layer.built[kind].map((block, b) => {
          const view = kind === 'parameters' ? net.layerParams[p]![b]! : net.layerState[p]![b]!;
          return {
            layer: layer.index,
            name: block.name,
            rows: view.rows,
            cols: view.cols,
            values: Array.from(view.data),
          };
        }),
  );
}

function readBlocks(
  value: unknown,
  field: string,
  fail: (field: string, message: string) => never,
): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail(field, 'expected an array of { layer, name, rows, cols, values }');
  return value;
}

function findBlock(blocks: readonly unknown[], layer: number, name: string): unknown {
  return blocks.find((block) => isObject(block) && block.layer === layer && block.name === name);
}

/** A saved block's values, checked against the shape the layer declares. */
function readValues(
  saved: unknown,
  field: string,
  block: { readonly rows: number; readonly cols: number },
  what: string,
  fail: (field: string, message: string) => never,
): number[] {
  const { rows, cols } = block;
  if (!isObject(saved)) return fail(field, 'expected an object with rows, cols and values');
  if (saved.rows !== rows || saved.cols !== cols) {
    fail(field, `expected ${rows} × ${cols} for ${what}, got ${String(saved.rows)} × ${String(saved.cols)}`);
  }
  const values = saved.values;
  if (!Array.isArray(values) || values.length !== rows * cols) {
    return fail(`${field}.values`, `expected an array of ${rows * cols} numbers`);
  }
  for (const [i, value] of (values as unknown[]).entries()) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(`${field}.values[${i}]`, `expected a finite number, got ${JSON.stringify(value)}`);
    }
  }
  return values as number[];
}
