// Reading model files (and checkpoints, which are model files with a training state) with
// errors that name the file, the field and, for a missing plugin, the --plugin to pass.
import { readFile } from 'node:fs/promises';
import type { LoadedModel } from '@deltanet/backprop';
import { loadDocument } from '@deltanet/backprop';
import type { PluginRegistry } from '@deltanet/contract';
import { FormatError } from '@deltanet/contract';
import type { ModelMetadata } from './metadata';
import { readMetadata } from './metadata';

/** A model with the CLI's view of its metadata. */
export interface ModelFile extends LoadedModel {
  readonly info: Partial<ModelMetadata>;
}

/** Reads and validates a model or checkpoint file. */
export async function readModel(path: string, registry: PluginRegistry): Promise<ModelFile> {
  const text = await readFile(path, 'utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FormatError('(document)', `not valid JSON (${(error as Error).message})`, path);
  }
  try {
    const model = loadDocument(doc, { registry, source: path });
    return { ...model, info: readMetadata(model.metadata) };
  } catch (error) {
    if (error instanceof FormatError && error.field === 'spec') {
      const needed = readMetadata((doc as { metadata?: never }).metadata ?? {}).plugins ?? [];
      const missing = needed.filter((p) => !registry.has(p.kind as never, p.name));
      if (missing.length > 0) {
        const flags = [...new Set(missing.map((p) => `--plugin ${p.module}`))].join(' ');
        throw new FormatError(
          'spec',
          `${error.message.replace(/^.*?spec: /, '')}; it was trained with ${flags}`,
          path,
        );
      }
    }
    throw error;
  }
}
