// Timing and machine facts: medians over repeats after warm-up, and what the run ran on.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

// Warm-up time before any sample: V8 optimizes a training loop in tiers over its first tens of
// milliseconds, so a fast contestant's first calls run several times slower than its settled ones.
const WARMUP_SECONDS = 0.3;

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median seconds per call of `run`, timed in `repeats` samples after untimed warm-up calls (JIT
 * tiers, workspace allocation, wasm instantiation): at least `warmup` of them and at least
 * WARMUP_SECONDS' worth, since V8 takes tens of milliseconds to optimize a training loop, which
 * two calls of a fast contestant (B3's 1,000-step `fit`) do not cover; the same rule holds for
 * every contestant. Each sample makes `inner` calls, or
 * with `sampleSeconds` as many as fill about that long (calibrated on one timed call).
 * `best: true` reports the fastest sample instead: for kernel throughput, where other
 * processes on the shared machine can only slow a sample down (the reasoning of Python's
 * timeit, which reports the minimum for the same reason).
 */
export async function secondsPerCall(
  run: () => unknown,
  {
    repeats,
    inner = 1,
    warmup = 2,
    sampleSeconds,
    best = false,
  }: { repeats: number; inner?: number; warmup?: number; sampleSeconds?: number; best?: boolean },
): Promise<number> {
  const warmupStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmupStart < WARMUP_SECONDS * 1000; i++) await run();
  if (sampleSeconds !== undefined) {
    const start = performance.now();
    await run();
    inner = Math.max(1, Math.round(sampleSeconds / ((performance.now() - start) / 1000)));
  }
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    for (let i = 0; i < inner; i++) await run();
    samples.push((performance.now() - start) / 1000 / inner);
  }
  return best ? Math.min(...samples) : median(samples);
}

/** CPU model, cores, memory, Node version and load: the first lines of BENCHMARKS.md. */
export function machine(): { cpu: string; cores: number; memoryGiB: number; node: string; load: string } {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() already named the model.
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(', '),
  };
}
