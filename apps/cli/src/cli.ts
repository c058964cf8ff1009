// Command dispatch: `deltanet <command> [options]`, errors printed once with their exit code
// (and as an "error" event with --json).

import { UnknownPluginError } from '@deltanet/contract';
import { evaluate } from './commands/evaluate';
import { exportModel } from './commands/export';
import { gradcheck } from './commands/gradcheck';
import { importModel } from './commands/import';
import { inspect } from './commands/inspect';
import { plugins } from './commands/plugins';
import { predict } from './commands/predict';
import { train } from './commands/train';
import { ExitCode, exitCodeFor, UsageError } from './exit-codes';
import type { Io } from './io';
import { paint } from './output/color';
import { eventSink } from './output/events';
import { didYouMean } from './suggest';
import { version } from './version';

const commands: Record<string, { run: (args: string[], io: Io) => Promise<number>; summary: string }> = {
  train: { run: train, summary: 'train a network on a dataset or a CSV / JSON-lines file' },
  evaluate: { run: evaluate, summary: 'cost, accuracy, per-class precision and recall, confusion matrix' },
  predict: { run: predict, summary: 'one output row per input row: class and outputs' },
  gradcheck: { run: gradcheck, summary: 'backprop against central differences, worst entries named' },
  inspect: { run: inspect, summary: 'architecture, parameters, plugins and provenance of a model' },
  plugins: { run: plugins, summary: 'every activation, loss, optimizer and backend available' },
  export: { run: exportModel, summary: 'a model as ONNX, a TensorFlow.js LayersModel or Octave matrices' },
  import: { run: importModel, summary: 'a TensorFlow.js LayersModel or Octave Θ matrices as a model file' },
};

export const mainHelp = `Usage: deltanet <command> [options]

Feed-forward neural networks trained by backpropagation.

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Options:
  -h, --help     help for deltanet or a command (deltanet train --help)
  -v, --version  the version

Exit codes: 0 success, 1 internal error, 2 usage error (or a refused file), 3 bad data,
4 training diverged, 5 file not readable or writable, 6 gradient check failed,
7 bad model or checkpoint file, 129/130/143 stopped by SIGHUP/SIGINT/SIGTERM (checkpoint saved).

Examples:
  deltanet train
  deltanet train iris.csv --label species --normalize --out iris.json
  deltanet evaluate --model iris.json iris-test.csv
  deltanet plugins`;

/** Runs the CLI with argv after the program name; resolves with the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      // No command is a mistake in a script: help where a person sees it, and a failing status.
      io.stderr.write(`${mainHelp}\n`);
      return ExitCode.usage;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(`${mainHelp}\n`);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    const entry = commands[command];
    if (!entry) {
      throw new UsageError(
        `unknown command "${command}"${didYouMean(command, Object.keys(commands))}; valid commands: ${Object.keys(commands).join(', ')}`,
      );
    }
    return await entry.run(rest, io);
  } catch (error) {
    const code = exitCodeFor(error);
    const message = describeError(error);
    eventSink(io.stdout, rest.includes('--json')).emit({ event: 'error', exitCode: code, message });
    const hint =
      code === 2 ? `\nrun "deltanet ${commands[command ?? ''] ? `${command} ` : ''}--help" for usage` : '';
    io.stderr.write(`${paint(io.stderr, 'red', 'deltanet:')} ${message}${hint}\n`);
    if (code === 1 && error instanceof Error && error.stack && process.env.DELTANET_DEBUG)
      io.stderr.write(`${error.stack}\n`);
    return code;
  }
}

/** One line a person can act on, whatever was thrown: never a raw stack trace. */
function describeError(error: unknown): string {
  if (error instanceof UnknownPluginError) {
    return `${error.message.replace(/; valid /, `${didYouMean(error.pluginName, error.validNames)}; valid `)}`;
  }
  if (!(error instanceof Error)) return `internal error: ${String(error)}`;
  if (exitCodeFor(error) !== ExitCode.internal) return describeIoError(error);
  if (error instanceof RangeError && /allocation|array length|memory/i.test(error.message)) {
    return `out of memory: ${error.message} (use smaller layers, fewer rows or --batch-size)`;
  }
  return `internal error (a bug in deltanet, please report it): ${error.message}; set DELTANET_DEBUG=1 for the stack trace`;
}

/** "ENOENT: no such file or directory, open 'x.csv'" → "cannot read x.csv: no such file or directory". */
function describeIoError(error: Error): string {
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || path === undefined) return error.message;
  const reason = error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
  const action = syscall === 'open' || syscall === 'read' ? 'cannot read' : `cannot ${syscall ?? 'access'}`;
  return `${action} ${path}: ${reason}`;
}
