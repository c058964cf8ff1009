// Color only where a person reads it: a terminal, without NO_COLOR (https://no-color.org) and
// not TERM=dumb. Pipes, files and --json never get escape codes.
import type { OutputStream } from '../io';

const codes = { red: 31, green: 32, yellow: 33, bold: 1 } as const;

/** Whether `stream` gets color under `env`. */
export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

/** `text` in `color` when the stream takes color, else unchanged. */
export function paint(stream: OutputStream, color: keyof typeof codes, text: string): string {
  return colorEnabled(stream) ? `\u001b[${codes[color]}m${text}\u001b[0m` : text;
}
