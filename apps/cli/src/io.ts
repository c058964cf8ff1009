// The streams a command writes to, injectable so tests can capture them.

/** A writable text stream, with terminal facts where known. */
export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

/** stdout for results, stderr for progress and errors. */
export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/** The process's own streams. */
export function processIo(): Io {
  const wrap = (stream: NodeJS.WriteStream): OutputStream => ({
    write: (text) => stream.write(text),
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
  });
  return { stdout: wrap(process.stdout), stderr: wrap(process.stderr) };
}
