// `deltanet export --model m.json --format onnx|tfjs|octave --out …`: a trained model in a format
// other tools run (ONNX Runtime, TensorFlow.js) or the course's Octave matrices.
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exportOnnx, exportTfjs, writeOctave } from '@deltanet/interop';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags, text } from '../args/flags';
import { FileError, UsageError } from '../exit-codes';
import type { OutputFile } from '../files';
import { outputFiles } from '../files';
import type { Io } from '../io';
import { readModel } from '../model/files';
import { eventSink } from '../output/events';
import { networkName } from '../output/network-name';

const formats = ['onnx', 'tfjs', 'octave'] as const;

export const exportFlags = {
  model: { type: 'string', value: '<model.json>', help: 'the model to export (required)' },
  format: { type: 'string', value: '<format>', help: `${formats.join(', ')} (required)` },
  out: {
    type: 'string',
    value: '<path>',
    help: 'the file to write (onnx, octave), or the folder for model.json and weights.bin (tfjs) (required)',
  },
  force: { type: 'boolean', help: 'let --out replace a deltanet model file' },
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet export --model <model.json> --format onnx|tfjs|octave --out <path>',
  description: `Writes a model for other tools (docs/interop.md):
  onnx    one .onnx file (opset 13, the model's float or double precision) that ONNX Runtime runs in
          Node, browsers, Python and elsewhere. A model trained with --normalize standardizes its
          raw inputs inside the graph; class and feature names are in its metadata_props.
  tfjs    model.json and weights.bin in the --out folder, for tf.loadLayersModel (float32 weights;
          the normalization, if any, is in model.json's userDefinedMetadata, not in the layers).
  octave  Theta1, Theta2, … as Octave text matrices (save -text), bias weights in column 1, for
          load in Octave and the course's predict.m (inputs standardized as for the model);
          all-dense models only (dropout and batch-norm travel in onnx and tfjs).
Files are written atomically and never over the model being read.`,
  examples: [
    'deltanet export --model iris.json --format onnx --out iris.onnx',
    'deltanet export --model digits.json --format tfjs --out digits-tfjs',
    'deltanet export --model digits.json --format octave --out weights.txt',
  ],
};

export async function exportModel(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, exportFlags, help, io);
  if (!started) return 0;
  const { values, positionals, registry } = started;
  if (positionals.length > 0)
    throw new UsageError(`export takes no positional arguments, got ${positionals.join(' ')}`);
  const modelPath = text(values, 'model');
  const format = text(values, 'format');
  const out = text(values, 'out');
  if (modelPath === undefined) throw new UsageError('export needs --model <model.json>');
  if (format === undefined || !(formats as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format must be one of ${formats.join(', ')}, got ${format === undefined ? 'nothing' : JSON.stringify(format)}`,
    );
  }
  if (out === undefined) throw new UsageError('export needs --out <path>');
  const { write, written, abandon } = await exportFiles(format, modelPath, out, values.force === true);
  let net: Awaited<ReturnType<typeof readModel>>['network'];
  let info: Awaited<ReturnType<typeof readModel>>['info'];
  try {
    ({ network: net, info } = await readModel(modelPath, registry));
  } catch (error) {
    await abandon();
    throw error;
  }
  const notes: string[] = [];
  try {
    if (format === 'onnx') {
      await write(
        out,
        exportOnnx(net, {
          ...(info.normalization && { standardization: info.normalization }),
          ...(info.classNames && { classNames: info.classNames }),
          ...(info.featureNames && { featureNames: info.featureNames }),
        }),
      );
      if (info.normalization) notes.push('the graph standardizes raw inputs with the training rows’ μ and σ');
    } else if (format === 'tfjs') {
      const { modelJson, weights } = exportTfjs(net, {
        ...(info.classNames && { classNames: info.classNames }),
        ...(info.featureNames && { featureNames: info.featureNames }),
        ...(info.normalization && { normalization: info.normalization }),
      });
      await write(join(out, 'weights.bin'), weights);
      await write(join(out, 'model.json'), `${JSON.stringify(modelJson, null, 2)}\n`);
      if (info.normalization)
        notes.push(
          'inputs must be standardized first: μ and σ are in model.json’s userDefinedMetadata.normalization',
        );
    } else {
      await write(out, writeOctave(net));
      if (info.normalization)
        notes.push('inputs must be standardized first (the model was trained with --normalize)');
    }
  } catch (error) {
    // A network the format cannot hold (a third-party layer, batch-norm in Octave) is refused
    // before any write: the tfjs folder made for it goes again.
    await abandon();
    throw error;
  }
  // TF.js layers models hold float32 weights; ONNX and Octave keep the model's precision.
  const weightsDtype = format === 'tfjs' ? 'float32' : net.dtype;
  eventSink(io.stdout, values.json === true).emit({
    event: 'result',
    command: 'export',
    format,
    model: modelPath,
    files: written,
    layers: [...net.layers],
    stack: networkName(net),
    dtype: net.dtype,
    weightsDtype,
  });
  if (values.json !== true) {
    const precision =
      weightsDtype === net.dtype ? net.dtype : `${weightsDtype} weights of a ${net.dtype} model`;
    io.stdout.write(`wrote ${written.join(', ')} (${format}, ${networkName(net)}, ${precision})\n`);
    if (values.quiet !== true) for (const note of notes) io.stderr.write(`note: ${note}\n`);
  }
  return 0;
}

/**
 * The checked writer for one export: every file it will write is declared before the model is
 * read, so `--out` onto the model (or, for tfjs, a folder whose model.json is the model) is
 * refused before any work, and each file is written atomically. A tfjs folder that does not
 * exist yet is created; `abandon` removes it again if the export stops before writing.
 */
async function exportFiles(format: string, modelPath: string, out: string, force: boolean) {
  let created = false;
  let paths: string[] = [out];
  if (format === 'tfjs') {
    const existing = await stat(out).catch(() => undefined);
    if (existing !== undefined && !existing.isDirectory())
      throw new UsageError(
        `--out ${out} is a file; the tfjs format writes a folder (model.json and weights.bin)`,
      );
    if (existing === undefined) {
      await mkdir(out, { recursive: true }).catch((error: unknown) => {
        throw new FileError(`cannot create the folder ${out}: ${(error as Error).message}`, { cause: error });
      });
      created = true;
    }
    paths = [join(out, 'weights.bin'), join(out, 'model.json')];
  }
  const abandon = async () => {
    if (created) await rmdir(out).catch(() => {});
  };
  const outputs: OutputFile[] = paths.map((path) => ({ role: '--out', path, kind: 'export' }));
  let files: Awaited<ReturnType<typeof outputFiles>>;
  try {
    files = await outputFiles([{ role: '--model', path: modelPath }], outputs, { force });
  } catch (error) {
    await abandon();
    throw error;
  }
  const written: string[] = [];
  const write = async (path: string, data: string | Uint8Array) => {
    await files.write(path, data);
    written.push(path);
  };
  return { write, written, abandon };
}
