// Runs the built `deltanet` binary as a user would, capturing stdout, stderr and the exit code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const binary = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd?: string; timeout?: number; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  if (!existsSync(binary)) throw new Error(`build the CLI first: ${binary} is missing`);
  const result = spawnSync(process.execPath, [binary, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    timeout: options.timeout ?? 300_000,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    ...(options.input !== undefined && { input: options.input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The percentage printed after `label` on stdout, e.g. "test accuracy: 95.10%" → 95.1. */
export function percentAfter(stdout: string, label: string): number {
  const match = new RegExp(`${label}: ([0-9.]+)%`).exec(stdout);
  if (!match) throw new Error(`no "${label}" in:\n${stdout}`);
  return Number(match[1]);
}
