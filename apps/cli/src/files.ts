// Every file a command writes goes through `outputFiles`: it knows the files the command reads
// and refuses, before any work, to write over one of them; it reports an unwritable path before
// training rather than after; and it writes atomically (a temporary file beside the target,
// flushed, then renamed over it), through symlinks, keeping the old file's mode.

import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, chmod, lstat, open, readdir, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FileError, UsageError } from './exit-codes';

/** A file the command reads, by the role the user gave it (`the data file`, `--model`…). */
export interface InputFile {
  readonly role: string;
  readonly path: string;
}

/**
 * What a command writes: a model file, a checkpoint, predictions (CSV / NDJSON text), or a
 * model exported for another tool (ONNX, TF.js, Octave text).
 */
export type OutputKind = 'model' | 'checkpoint' | 'predictions' | 'export';

/** A file the command will write. */
export interface OutputFile {
  readonly role: string;
  readonly path: string;
  readonly kind: OutputKind;
  /** Roles of inputs this output is meant to replace (a checkpoint rewrites its --resume file). */
  readonly replaces?: readonly string[];
  /**
   * Written only if something happens (the default checkpoint, on Ctrl-C): only refused when it
   * is an input; its folder and any file there are checked when it is written.
   */
  readonly lazy?: boolean;
}

/** The checked outputs of one command run. */
export interface OutputWriter {
  /** Writes `text` to a declared output path, atomically. */
  write(path: string, text: string | Uint8Array): Promise<void>;
}

/**
 * Checks every output against the inputs and the file system, before the command does any
 * work: an output that is one of the inputs is refused (UsageError, exit 2, naming both
 * roles); an existing file of another kind needs `force`; a missing folder, a folder in the
 * way or a folder without write permission is a FileError (exit 5) naming the user's path.
 */
export async function outputFiles(
  inputs: readonly InputFile[],
  outputs: readonly OutputFile[],
  options: { force?: boolean } = {},
): Promise<OutputWriter> {
  const read = await Promise.all(inputs.map(async (input) => ({ ...input, id: await identity(input.path) })));
  const seen: { role: string; id: string }[] = [];
  for (const output of outputs) {
    const target = await linkTarget(output.path);
    const id = await identity(target);
    const clash = read.find((input) => input.id === id && !output.replaces?.includes(input.role));
    if (clash) {
      throw new UsageError(
        `${output.role} ${output.path} is ${clash.role} ${clash.path} (the same file): the command reads it, so writing there would destroy it; choose another ${output.role}`,
      );
    }
    const twin = seen.find((other) => other.id === id);
    if (twin) throw new UsageError(`${output.role} and ${twin.role} name the same file, ${output.path}`);
    seen.push({ role: output.role, id });
    if (output.lazy) continue;
    await checkWritable(output.path, target);
    const existing = await existingKind(target);
    if (existing !== undefined && !compatible(output.kind, existing) && options.force !== true) {
      throw new UsageError(
        existing === 'model'
          ? `${output.role} ${output.path} holds a deltanet model, and this writes ${describe(output.kind)} there; pass --force to replace it`
          : `${output.role} ${output.path} exists and is not a deltanet model (replacing it with ${describe(output.kind)} would lose it); pass --force to replace it`,
      );
    }
  }
  const allowed = new Set(outputs.map((output) => output.path));
  return {
    async write(path, text) {
      if (!allowed.has(path)) throw new Error(`internal: ${path} was not declared as an output`);
      await writeFileAtomic(path, text);
    },
  };
}

/**
 * Replaces the file at `path` with `text` atomically: the old file stays intact until the
 * rename. A symlink keeps pointing where it did and its target gets the text; an existing
 * file keeps its permission bits. Temporary files of this path left by killed processes are
 * removed first. Every failure is a FileError naming `path`.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const target = await linkTarget(path);
  const where = target === resolve(path) ? path : `${path} (→ ${target})`;
  const fail = (error: unknown): never => {
    throw new FileError(`cannot write ${where}: ${reason(error)}`, { cause: error });
  };
  await sweepTemporaries(target);
  const mode = await stat(target).then(
    (s) => (s.isFile() ? s.mode & 0o7777 : undefined),
    () => undefined,
  );
  const temporary = temporaryName(target);
  const handle = await open(temporary, 'wx', mode ?? 0o666).catch(fail);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    if (mode !== undefined) await chmod(temporary, mode);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    fail(error);
  }
  await handle.close().catch(fail);
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    fail(error);
  }
}

/** `.name.<pid>.<n>.tmp` beside the target: the pid lets a later run tell a dead writer's file. */
function temporaryName(target: string): string {
  const n = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${n}.tmp`);
}

/** Removes temporary files of `target` whose writing process no longer runs. */
export async function sweepTemporaries(target: string): Promise<string[]> {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.`;
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!match || processRuns(Number(match[1]))) continue;
    await rm(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where writing `path` lands: the end of its chain of symlinks (which may not exist yet). */
async function linkTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch {
      return current;
    }
    if (!info.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw new FileError(`cannot write ${path}: too many levels of symbolic links`);
}

/** The same string for two paths of one file: device and inode if it exists, else its real path. */
async function identity(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `inode:${s.dev}:${s.ino}`;
  } catch {
    const folder = await realpath(dirname(resolve(path))).catch(() => dirname(resolve(path)));
    return `path:${join(folder, basename(path))}`;
  }
}

async function checkWritable(path: string, target: string): Promise<void> {
  const folder = dirname(target);
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) throw new FileError(`cannot write ${path}: it is a folder`);
  const parent = await stat(folder).catch(() => undefined);
  if (!parent) throw new FileError(`cannot write ${path}: the folder ${folder} does not exist`);
  if (!parent.isDirectory()) throw new FileError(`cannot write ${path}: ${folder} is not a folder`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new FileError(`cannot write ${path}: no permission to create files in ${folder}`);
  }
}

/** 'model' for a deltanet model or checkpoint, 'other' for any other non-empty file. */
async function existingKind(target: string): Promise<'model' | 'other' | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(target, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead === 0) return undefined;
    return /"format"\s*:\s*"deltanet-model"/.test(head.subarray(0, bytesRead).toString('utf8'))
      ? 'model'
      : 'other';
  } finally {
    await handle.close();
  }
}

/** Whether writing `kind` over an existing file of that kind is an ordinary replacement. */
function compatible(kind: OutputKind, existing: 'model' | 'other'): boolean {
  const writesDeltanetModel = kind === 'model' || kind === 'checkpoint';
  return writesDeltanetModel === (existing === 'model');
}

function describe(kind: OutputKind): string {
  if (kind === 'predictions') return 'predictions';
  if (kind === 'export') return 'an exported model';
  return `a ${kind}`;
}

/** A Node error as a reason a person can act on. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a directory',
    EROFS: 'the file system is read-only',
    EIO: 'input/output error',
  };
  if (typeof code === 'string' && reasons[code]) return `${reasons[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
