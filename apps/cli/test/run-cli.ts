// Runs the built `deltanet` binary as a user would, capturing stdout, stderr and the exit code.
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Starts `deltanet args` and sends `signal` once the first epoch is reported on stderr (after
 * `delayMs`, if given), resolving with the exit code and stderr: an interrupted training run.
 */
export function interruptedRun(
  args: string[],
  options: { cwd: string; signal?: NodeJS.Signals; delayMs?: number },
): Promise<{ code: number | null; stderr: string }> {
  const { cwd, signal = 'SIGINT', delayMs } = options;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binary, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /epoch 1\/\d+ ·/.test(stderr)) {
        sent = true;
        if (delayMs === undefined) child.kill(signal);
        else setTimeout(() => child.kill(signal), delayMs);
      }
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
