// `deltanet import <file> --out m.json`: a TensorFlow.js LayersModel or the course's Octave
// matrices as a normal deltanet model file (then inspect, evaluate, gradcheck, predict).
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { JsonValue, Network } from '@deltanet/backprop';
import { serializeNetwork } from '@deltanet/backprop';
import { FormatError } from '@deltanet/contract';
import { importTfjs, readOctave } from '@deltanet/interop';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags, text } from '../args/flags';
import { pluginRef, pluginRefs } from '../args/values';
import { UsageError } from '../exit-codes';
import { outputFiles } from '../files';
import type { Io } from '../io';
import { eventSink } from '../output/events';
import { networkName } from '../output/network-name';

const formats = ['tfjs', 'octave'] as const;

export const importFlags = {
  format: {
    type: 'string',
    value: '<format>',
    help: `${formats.join(', ')} (default: tfjs for a .json file, octave otherwise)`,
  },
  out: { type: 'string', value: '<model.json>', help: 'the deltanet model file to write (required)' },
  activation: {
    type: 'string',
    value: '<name,...>',
    help: 'octave: hidden activation, or one per hidden layer (default sigmoid, as in the course)',
    choices: 'activation',
  },
  'output-activation': {
    type: 'string',
    value: '<name>',
    help: 'octave: output activation (default sigmoid)',
    choices: 'activation',
  },
  loss: {
    type: 'string',
    value: '<name>',
    help: 'the cost J (default: cross-entropy after sigmoid, softmax-cross-entropy after softmax, else mean-squared-error)',
    choices: 'loss',
  },
  force: { type: 'boolean', help: 'let --out replace a file that is not a deltanet model' },
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet import <model.json | weights.txt> --out <model.json>',
  description: `Reads a model made elsewhere and writes it as a deltanet model file (docs/interop.md):
  tfjs    a TensorFlow.js LayersModel's model.json (its weight files are read from beside it): a
          Sequential model of Dense layers, with Activation, LeakyReLU or ELU layers after them.
  octave  an Octave text file (save -text) holding Theta1, Theta2, …, bias weights in column 1:
          the course's sigmoid network unless --activation and --output-activation say otherwise.
The model file is float64; its metadata records where it came from.`,
  examples: [
    'deltanet import tfjs-model/model.json --out imported.json',
    'deltanet import weights.txt --format octave --out ex4.json && deltanet gradcheck --model ex4.json',
  ],
};

export async function importModel(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, importFlags, help, io);
  if (!started) return 0;
  const { values, positionals } = started;
  if (positionals.length !== 1) throw new UsageError(`import takes one file, got ${positionals.length}`);
  const source = positionals[0]!;
  const out = text(values, 'out');
  if (out === undefined) throw new UsageError('import needs --out <model.json>');
  const format = text(values, 'format') ?? (extname(source).toLowerCase() === '.json' ? 'tfjs' : 'octave');
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${formats.join(', ')}, got ${JSON.stringify(format)}`);
  }
  const loss = text(values, 'loss');
  // Declared before anything is read, so --out onto the model or a weight file stops at once.
  const checkedOut = (inputs: string[]) =>
    outputFiles(
      inputs.map((path, i) => ({ role: i === 0 ? 'the imported file' : 'its weight file', path })),
      [{ role: '--out', path: out, kind: 'model' }],
      { force: values.force === true },
    );
  let files: Awaited<ReturnType<typeof outputFiles>>;
  let net: Network;
  let metadata: Record<string, JsonValue> = {};
  if (format === 'tfjs') {
    for (const flag of ['activation', 'output-activation'] as const) {
      if (text(values, flag) !== undefined)
        throw new UsageError(`--${flag} is for octave files; a TensorFlow.js model names its activations`);
    }
    const { modelJson, weightFiles } = await readTfjsModelJson(source);
    files = await checkedOut([source, ...weightFiles]);
    const weights = await readWeights(weightFiles);
    net = importTfjs(modelJson, weights, { source, ...(loss && { loss: pluginRef('--loss', loss) }) });
    metadata = { ...userMetadata(modelJson), imported: { format, files: [source, ...weightFiles] } };
  } else {
    files = await checkedOut([source]);
    net = readOctave(await readFile(source, 'utf8'), {
      source,
      ...(text(values, 'activation') && {
        activation: pluginRefs('--activation', text(values, 'activation')!),
      }),
      ...(text(values, 'output-activation') && {
        outputActivation: pluginRef('--output-activation', text(values, 'output-activation')!),
      }),
      ...(loss && { loss: pluginRef('--loss', loss) }),
    });
    metadata = { imported: { format, files: [source] } };
  }
  await files.write(out, serializeNetwork(net, { metadata }));
  eventSink(io.stdout, values.json === true).emit({
    event: 'result',
    command: 'import',
    format,
    files: [out],
    layers: [...net.layers],
    activations: net.activations.map((a) => a.name),
    loss: net.loss.name,
  });
  if (values.json !== true) {
    io.stdout.write(
      `wrote ${out}: ${networkName(net)}, ${net.activations.map((a) => a.name).join(', ')}, loss ${net.loss.name}\n`,
    );
  }
  return 0;
}

/** model.json and the paths of its weight files, in the manifest's order. */
async function readTfjsModelJson(path: string) {
  let modelJson: unknown;
  try {
    modelJson = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new FormatError('(document)', `not valid JSON (${error.message})`, path);
    throw error;
  }
  const manifest = (modelJson as { weightsManifest?: unknown })?.weightsManifest;
  const weightFiles: string[] = [];
  if (Array.isArray(manifest)) {
    manifest.forEach((group: { paths?: unknown }, g) => {
      if (!Array.isArray(group?.paths) || !group.paths.every((p) => typeof p === 'string')) {
        throw new FormatError(`weightsManifest[${g}].paths`, 'expected an array of file names', path);
      }
      for (const p of group.paths as string[]) weightFiles.push(join(dirname(path), p));
    });
  }
  return { modelJson, weightFiles };
}

/** The weight files concatenated in the manifest's order (as tfjs reads them). */
async function readWeights(weightFiles: readonly string[]): Promise<Uint8Array> {
  const parts = await Promise.all(weightFiles.map((file) => readFile(file)));
  const weights = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    weights.set(part, offset);
    offset += part.byteLength;
  }
  return weights;
}

/** classNames, featureNames and normalization that exportTfjs stored in userDefinedMetadata. */
function userMetadata(modelJson: unknown): Record<string, JsonValue> {
  const user = (modelJson as { userDefinedMetadata?: unknown })?.userDefinedMetadata;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return {};
  const out: Record<string, JsonValue> = {};
  for (const key of ['classNames', 'featureNames', 'normalization']) {
    const value = (user as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value as JsonValue;
  }
  return out;
}
