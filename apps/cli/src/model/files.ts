// Reading model files (and checkpoints, which are model files with a training state): the
// integrity check verified, the CLI's metadata checked against the network, and every problem
// a ModelFileError (exit 7) that names the file, the field and, for a missing plugin, the
// --plugin to pass.
import type { LoadedModel } from '@deltanet/backprop';
import { loadDocument } from '@deltanet/backprop';
import type { BackendPlugin, PluginRegistry } from '@deltanet/contract';
import { DeltanetError } from '@deltanet/contract';
import { ModelFileError } from '../exit-codes';
import { readInput } from '../input';
import type { ModelMetadata } from './metadata';
import { checkMetadata, readMetadata } from './metadata';

/** A model with the CLI's view of its metadata. */
export interface ModelFile extends LoadedModel {
  readonly info: Partial<ModelMetadata>;
}

/** How a command reads model files. */
export interface ModelReading {
  /** Load a file whose integrity check fails (edited on purpose), with a warning. */
  readonly acceptEdits?: boolean;
  /** Where notices and warnings go. */
  readonly warn?: (message: string) => void;
  /** The backend the loaded network runs on (default: the fastest built-in here). */
  readonly backend?: BackendPlugin;
}

/** Reads and validates a model or checkpoint file. */
export async function readModel(
  path: string,
  registry: PluginRegistry,
  reading: ModelReading = {},
): Promise<ModelFile> {
  const text = (await readInput(path)).toString('utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(`${path}: not a model file: not valid JSON (${(error as Error).message})`);
  }
  let model: LoadedModel;
  try {
    model = loadDocument(doc, {
      registry,
      source: path,
      verifyIntegrity: reading.acceptEdits !== true,
      ...(reading.backend && { backend: reading.backend }),
    });
  } catch (error) {
    if (!(error instanceof DeltanetError)) throw error;
    let message = error.message;
    if (/integrity: the content/.test(message)) {
      // The library's advice is for library users; a CLI user acts with a flag.
      message = `${message.replace(/ To use an edit.*$/, '')} If the change was made on purpose, pass --accept-edits to use the file anyway.`;
    }
    if (/^.*?spec: /.test(message)) {
      const needed = readMetadata((doc as { metadata?: never }).metadata ?? {}).plugins ?? [];
      const missing = needed.filter((p) => !registry.has(p.kind as never, p.name));
      if (missing.length > 0) {
        const flags = [...new Set(missing.map((p) => `--plugin ${p.module}`))].join(' ');
        message = `${message}; it was trained with ${flags}`;
      }
    }
    throw new ModelFileError(message, { cause: error });
  }
  if (model.integrity === 'absent') {
    reading.warn?.(
      `${path} was written before model files carried an integrity check (format version 1); it loads, but a change to it cannot be detected: save it again (deltanet train --out, or serializeNetwork) to add one`,
    );
  } else if (model.integrity === 'modified') {
    reading.warn?.(`${path} was changed after it was saved; loading it anyway (--accept-edits)`);
  }
  const info = readMetadata(model.metadata);
  const problem = checkMetadata(info, model.network.layers);
  if (problem) throw new ModelFileError(`${path}: metadata: ${problem}`);
  return { ...model, info };
}
