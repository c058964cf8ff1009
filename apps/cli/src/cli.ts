// Command dispatch: `deltanet <command> [options]`, errors printed once with their exit code.
import { train, trainHelp } from './commands/train';
import { exitCodeFor, UsageError } from './exit-codes';
import type { Io } from './io';

declare const __VERSION__: string;
const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const commands: Record<
  string,
  { run: (args: string[], io: Io) => Promise<number>; summary: string; help: string }
> = {
  train: {
    run: train,
    summary: 'train a network on a named dataset and report test accuracy',
    help: trainHelp,
  },
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

Example:
  deltanet train digits`;

/** Runs the CLI with argv after the program name; resolves with the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(`${mainHelp}\n`);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    const entry = commands[command];
    if (!entry)
      throw new UsageError(
        `unknown command "${command}"; valid commands: ${Object.keys(commands).join(', ')}`,
      );
    return await entry.run(rest, io);
  } catch (error) {
    const code = exitCodeFor(error);
    const message = error instanceof Error ? error.message : String(error);
    const hint =
      code === 2 ? `\nrun "deltanet ${commands[command ?? ''] ? `${command} ` : ''}--help" for usage` : '';
    io.stderr.write(`deltanet: ${message}${hint}\n`);
    if (code === 1 && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return code;
  }
}
