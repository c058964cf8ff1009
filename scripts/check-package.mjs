#!/usr/bin/env node
// `check:package` of every public package: packs it once as it would be published (pnpm pack,
// which applies publishConfig and runs the prepack guard), then checks that tarball with publint
// --strict and are-the-types-wrong under every resolution profile (node10, node16 CJS and ESM,
// bundler). Run from the package's directory after a build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'deltanet-pack-'));
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
try {
  // Under `pnpm run`, npm_execpath is pnpm itself; run directly, fall back to the pinned pnpm.
  const pnpm = process.env.npm_execpath?.includes('pnpm')
    ? [process.execPath, process.env.npm_execpath]
    : ['npx', '-y', 'pnpm@10.34.8'];
  run(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', scratch]);
  const tarball = join(
    scratch,
    readdirSync(scratch).find((name) => name.endsWith('.tgz')),
  );
  run('publint', ['run', tarball, '--strict']);
  run('attw', [tarball, '--profile', 'strict']);
} catch {
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
