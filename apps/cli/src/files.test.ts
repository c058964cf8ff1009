// writeFileAtomic under a full disk (ENOSPC simulated by a failing write): the error names the
// user's file, the old file is intact and no temporary file is left. The same failure while
// training only costs that checkpoint: a warning, and training goes on.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const failWrites = { pattern: undefined as RegExp | undefined };

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof actual.open>) => {
    const handle = await actual.open(...args);
    if (!failWrites.pattern?.test(String(args[0]))) return handle;
    // The disk fills while the bytes go out.
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile') {
          return async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
              code: 'ENOSPC',
              errno: -28,
              syscall: 'write',
            });
          };
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as FileHandle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

const { writeFileAtomic } = await import('./files');
const { runCli } = await import('./cli');

afterEach(() => {
  failWrites.pattern = undefined;
});

function capture() {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: {
        write: (t: string) => {
          stdout += t;
        },
        isTTY: false,
      },
      stderr: {
        write: (t: string) => {
          stderr += t;
        },
        isTTY: false,
      },
    },
    out: () => ({ stdout, stderr }),
  };
}

describe('a full disk', () => {
  it('fails the write naming the file, keeps the old one, leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-enospc-'));
    const path = join(dir, 'model.json');
    writeFileSync(path, 'old');
    failWrites.pattern = /\.tmp$/;
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow(
      `cannot write ${path}: no space left on the device (ENOSPC)`,
    );
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['model.json']);
  });

  it('costs a checkpoint, not the run: a warning, then training finishes and saves --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deltanet-enospc-'));
    failWrites.pattern = /checkpoint\.json\.\d+\.\d+\.tmp$/;
    const { io, out } = capture();
    const code = await runCli(
      ['train', 'xor', '--epochs', '4', '--checkpoint-every', '1', '--out', join(dir, 'm.json'), '--quiet'],
      io,
    );
    const { stdout, stderr } = out();
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /warning: cannot write .*m\.checkpoint\.json: no space left on the device \(ENOSPC\); training goes on/,
    );
    expect(stdout).toMatch(/saved model to .*m\.json/);
    expect(readdirSync(dir)).toEqual(['m.json']);
  });
});
