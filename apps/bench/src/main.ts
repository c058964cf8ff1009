// pnpm bench: every case side by side with the peers in one run, written to BENCHMARKS.md.
// `--quick` shrinks every case (a smoke run); `--only b1,gemm` picks cases. B1 contestants run
// in child processes (this file with `--child`), one each, so each peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { B1Contestant, B1Optimizer, B1Result, B1Settings } from './cases/b1-digits';
import { b1Contestants, runB1 } from './cases/b1-digits';
import { runB2 } from './cases/b2-full-batch';
import { runB3 } from './cases/b3-tiny';
import { runGemm } from './cases/gemm';
import { machine } from './measure';
import type { B1Row, Results } from './report';
import { writeReport } from './report';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only')
  ? args[args.indexOf('--only') + 1]!.split(',')
  : ['b1', 'b2', 'b3', 'gemm'];
const settings: B1Settings = quick
  ? { epochs: 1, trainSize: 2000, testSize: 500 }
  : { epochs: 5, trainSize: 8000, testSize: 2000 };

async function main(): Promise<void> {
  if (args[0] === '--child') {
    const result = await runB1(
      args[1] as B1Contestant,
      args[2] as B1Optimizer,
      JSON.parse(args[3]!) as B1Settings,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const started = performance.now();
  const repeats = quick ? 3 : 7;
  const results: Results = { machine: machine(), quick, settings };
  if (only.includes('gemm')) results.gemm = await step('GEMM', () => runGemm(repeats, !quick));
  if (only.includes('b2')) results.b2 = await step('B2', () => runB2(repeats));
  if (only.includes('b3')) results.b3 = await step('B3', () => runB3(quick ? 3 : 5));
  if (only.includes('b1')) results.b1 = await step('B1', async () => b1Rows());
  results.wallSeconds = (performance.now() - started) / 1000;
  const file = writeReport(results);
  console.log(`wrote ${file} in ${results.wallSeconds.toFixed(0)} s`);
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stdout.write(`${name}…`);
  const value = await run();
  console.log(` ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return value;
}

function b1Rows(): B1Row[] {
  const rows: B1Row[] = [];
  for (const optimizer of ['sgd', 'adam'] as const) {
    for (const contestant of b1Contestants) {
      // brain.js 1.6 has no Adam.
      if (optimizer === 'adam' && contestant === 'brain-v1') continue;
      rows.push({ contestant, optimizer, ...child(contestant, optimizer) });
    }
  }
  return rows;
}

function child(contestant: B1Contestant, optimizer: B1Optimizer): B1Result | { error: string } {
  try {
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', contestant, optimizer, JSON.stringify(settings)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as B1Result;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    return { error: stderr.trim().split('\n').slice(0, 3).join(' ') };
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
