// The current network as ONNX or as a TensorFlow.js LayersModel, through @deltanet/interop's
// public entry point. The package (and protobufjs) is imported on first use only, so the page's
// and the worker's first load do not carry it; vite puts it in a chunk of its own.
import type { Network } from '@deltanet/backprop';
import { InvalidArgumentError } from '@deltanet/contract';
import { featureNames } from '../features';

/** The two formats the page offers. */
export type ExportFormat = 'onnx' | 'tfjs';

/** One file to download. */
export interface ExportedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** The files of `format`, or why this network cannot be written in it (an unsupported activation). */
export type ExportResult = { readonly files: ExportedFile[] } | { readonly refused: string };

/**
 * Writes `net` (inputs named `features`, one output unit) as ONNX (`playground.onnx`) or as a
 * LayersModel (`playground.json` beside `playground.weights.bin`). Anything interop refuses by
 * InvalidArgumentError (e.g. gelu for TF.js) comes back as the reason, not as a failure.
 */
export async function exportNetwork(
  net: Network,
  format: ExportFormat,
  features: readonly string[],
): Promise<ExportResult> {
  const interop = await import('@deltanet/interop');
  const names = features.filter((name) => (featureNames as readonly string[]).includes(name));
  try {
    if (format === 'onnx') {
      const bytes = interop.exportOnnx(net, { featureNames: names, name: 'deltanet-playground' });
      return { files: [{ name: 'playground.onnx', type: 'application/octet-stream', bytes }] };
    }
    const weightsPath = 'playground.weights.bin';
    const { modelJson, weights } = interop.exportTfjs(net, { weightsPath, featureNames: names });
    return {
      files: [
        {
          name: 'playground.json',
          type: 'application/json',
          bytes: new TextEncoder().encode(JSON.stringify(modelJson)),
        },
        { name: weightsPath, type: 'application/octet-stream', bytes: weights },
      ],
    };
  } catch (error) {
    if (error instanceof InvalidArgumentError) return { refused: error.message };
    throw error;
  }
}
