// The documented exit codes of the deltanet command (see the CLI README): one module owns them.
import { DeltanetError } from '@deltanet/contract';

export const ExitCode = {
  ok: 0,
  /** An internal error: a bug in deltanet (the message says how to get the stack trace). */
  internal: 1,
  /** A flag, command or plugin name the CLI does not know, a bad value, or a refused file. */
  usage: 2,
  /** Data that cannot be read: malformed file, wrong shapes, NaN. */
  data: 3,
  /** Training met NaN or Infinity, or a cost that exploded, and stopped. */
  diverged: 4,
  /** A file could not be read or written. */
  io: 5,
  /** `gradcheck`: backprop and central differences disagree. */
  checkFailed: 6,
  /** A model or checkpoint file that is not valid: not JSON, wrong fields, failed integrity check. */
  model: 7,
} as const;

/** Interrupted by a signal after saving what could be saved: 128 + the signal's number. */
export const signalExitCode = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** The exit code for an error thrown anywhere below the CLI. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return ExitCode.usage;
  if (error instanceof ModelFileError) return ExitCode.model;
  if (error instanceof FileError) return ExitCode.io;
  if (error instanceof DeltanetError) {
    switch (error.code) {
      case 'unknown-plugin':
      case 'invalid-argument':
        return ExitCode.usage;
      case 'diverged':
        return ExitCode.diverged;
      default:
        return ExitCode.data;
    }
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return ExitCode.usage;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return ExitCode.io;
  return ExitCode.internal;
}

/** A mistake in how the command was called; printed with a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file that could not be read or written, named as the user gave it (exit 5). */
export class FileError extends Error {
  override name = 'FileError';
}

/** A model or checkpoint file whose content is not a valid model (exit 7). */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
}
