// Reading the files a command takes: a path, or `-` for standard input; errors name the file.
import { readFile } from 'node:fs/promises';
import { FileError, UsageError } from './exit-codes';
import { reason } from './files';

let stdinTaken = false;

/** The bytes of `path`, or of standard input for `-` (which can be read once per run). */
export async function readInput(path: string): Promise<Buffer> {
  if (path === '-') {
    if (stdinTaken) throw new UsageError('standard input (-) can be read only once per command');
    stdinTaken = true;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${reason(error)}`, { cause: error });
  }
}
