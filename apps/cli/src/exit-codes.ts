// The documented exit codes of the deltanet command (see the CLI README).
import { DeltanetError } from '@deltanet/contract';

export const ExitCode = {
  ok: 0,
  /** A flag, command or plugin name the CLI does not know, or a bad value. */
  usage: 2,
  /** Data that cannot be read: malformed file, wrong shapes, NaN. */
  data: 3,
  /** Training met NaN or Infinity and stopped. */
  diverged: 4,
  /** A file could not be read or written. */
  io: 5,
  /** `gradcheck`: backprop and central differences disagree beyond the threshold. */
  checkFailed: 6,
  /** Interrupted (Ctrl-C) after saving what could be saved. */
  interrupted: 130,
} as const;

/** The exit code for an error thrown anywhere below the CLI. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return ExitCode.usage;
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
  return 1;
}

/** A mistake in how the command was called; printed with a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
