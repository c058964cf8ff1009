// pnpm bench: every case side by side with the peers in one run, written to BENCHMARKS.md.
// `--quick` shrinks every case (a smoke run); `--only b1,gemm` picks cases. Every B1, B2 and B3
// contestant runs in a child process of its own (this file with `--child`), so none inherits
// another's JIT state or heap, and each B1 peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { B1Contestant, B1Optimizer, B1Result, B1Settings } from './cases/b1-digits';
import { b1Contestants, runB1 } from './cases/b1-digits';
import type { Timing } from './cases/b2-full-batch';
import { b2Contestants, runB2 } from './cases/b2-full-batch';
import { b3Contestants, runB3 } from './cases/b3-tiny';
import { runGemm } from './cases/gemm';
import { exportedSizes, onnxContestants, runOnnx } from './cases/onnx';
import { machine } from './measure';
import type { B1Row, Results } from './report';
import { writeReport } from './report';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only')
  ? args[args.indexOf('--only') + 1]!.split(',')
  : ['b1', 'b2', 'b3', 'gemm', 'onnx'];
const settings: B1Settings = quick
  ? { epochs: 1, trainSize: 2000, testSize: 500 }
  : { epochs: 5, trainSize: 8000, testSize: 2000 };

async function main(): Promise<void> {
  if (args[0] === '--child') {
    const [, kind, contestant, option] = args as [string, string, string, string];
    const result =
      kind === 'b1'
        ? await runB1(contestant as B1Contestant, option as B1Optimizer, settings)
        : await (kind === 'b2' ? runB2 : kind === 'onnx' ? runOnnx : runB3)(contestant, Number(option));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const started = performance.now();
  const repeats = quick ? 3 : 7;
  const results: Results = { machine: machine(), quick, settings };
  if (only.includes('gemm')) results.gemm = await step('GEMM', () => runGemm(repeats, !quick));
  if (only.includes('b2')) results.b2 = await step('B2', async () => timings('b2', b2Contestants, repeats));
  if (only.includes('b3'))
    results.b3 = await step('B3', async () => timings('b3', b3Contestants, quick ? 3 : 15));
  if (only.includes('b1')) results.b1 = await step('B1', async () => b1Rows());
  if (only.includes('onnx')) {
    results.onnx = await step('ONNX', async () => timings('onnx', onnxContestants, repeats));
    results.exportedSizes = exportedSizes();
  }
  // GEMM again at the end, minutes after the first pass: each cell keeps its faster pass, so a
  // burst of load during one pass (seen halving 512³ A·B) does not decide a figure.
  if (only.includes('gemm') && !quick && results.gemm) {
    const again = await step('GEMM again', () => runGemm(repeats, false));
    results.gemm = results.gemm.map((row, i) => ({
      shape: row.shape,
      gflops: Object.fromEntries(
        Object.entries(row.gflops).map(([name, value]) => [
          name,
          Math.max(value, again[i]?.gflops[name] ?? 0),
        ]),
      ),
    }));
  }
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

// The contestants each headline ratio compares run twice, in mirrored order (ours, peer, …,
// peer, ours): the machine is shared, and a load spike during one contestant's only run would
// otherwise move the ratio by itself. Their epoch times are pooled (report.ts takes the median).
const b1Headline: readonly B1Contestant[] = ['deltanet-wasm', 'tfjs-wasm'];

function b1Rows(): B1Row[] {
  const rows: B1Row[] = [];
  for (const optimizer of ['sgd', 'adam'] as const) {
    const contestants = b1Contestants.filter((c) => optimizer === 'sgd' || c !== 'brain-v1');
    const runs = new Map<B1Contestant, Array<B1Result | { error: string }>>();
    const order = quick ? contestants : [...contestants, ...[...b1Headline].reverse()];
    for (const contestant of order) {
      const list = runs.get(contestant) ?? [];
      list.push(child<B1Result>('b1', contestant, optimizer));
      runs.set(contestant, list);
    }
    for (const contestant of contestants)
      rows.push({ contestant, optimizer, ...mergeB1(runs.get(contestant)!) });
  }
  return rows;
}

/** One contestant's runs as one: every epoch's time, the first run's accuracy, the largest RSS. */
function mergeB1(results: Array<B1Result | { error: string }>): B1Result | { error: string } {
  const ok = results.filter((r): r is B1Result => !('error' in r));
  if (ok.length === 0) return results[0]!;
  return {
    ...ok[0]!,
    epochSeconds: ok.flatMap((r) => r.epochSeconds),
    maxRssMiB: Math.max(...ok.map((r) => r.maxRssMiB)),
  };
}

/** Every contestant in order, then (full runs) in reverse and in order again; each one's fastest run. */
function timings(kind: 'b2' | 'b3' | 'onnx', contestants: readonly string[], repeats: number): Timing[] {
  const order = quick ? contestants : [...contestants, ...[...contestants].reverse(), ...contestants];
  const runs = new Map<string, Array<Timing | { error: string }>>();
  for (const contestant of order) {
    runs.set(contestant, [...(runs.get(contestant) ?? []), child<Timing>(kind, contestant, String(repeats))]);
  }
  return contestants.map((contestant) => {
    const results = runs.get(contestant)!;
    const ok = results.filter((r): r is Timing => !('error' in r));
    const failed = results.find((r): r is { error: string } => 'error' in r);
    if (ok.length === 0) return { contestant, seconds: Number.NaN, note: `failed: ${failed?.error}` };
    // The fastest run: each is already a median over repeats, and another process on the shared
    // machine can only slow a run down.
    return { ...ok[0]!, seconds: Math.min(...ok.map((r) => r.seconds)) };
  });
}

/** Runs one contestant in a fresh Node process; its last stdout line is the JSON result. */
function child<T>(kind: string, contestant: string, option: string): T | { error: string } {
  try {
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', kind, contestant, option, ...(quick ? ['--quick'] : [])],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as T;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    return { error: stderr.trim().split('\n').slice(0, 3).join(' ') };
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
