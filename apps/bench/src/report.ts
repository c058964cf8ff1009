// BENCHMARKS.md: a hand-written preamble (kept as it is) and the generated figures below a
// marker line, with each target's ratio and whether this run met it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { B1Contestant, B1Optimizer, B1Result, B1Settings } from './cases/b1-digits';
import type { Timing } from './cases/b2-full-batch';
import type { GemmRow } from './cases/gemm';
import type { machine } from './measure';
import { median } from './measure';
import { versionOf } from './peers/tfjs';

export type B1Row = { contestant: B1Contestant; optimizer: B1Optimizer } & (B1Result | { error: string });

export interface Results {
  machine: ReturnType<typeof machine>;
  quick: boolean;
  settings: B1Settings;
  gemm?: GemmRow[];
  b2?: Timing[];
  b3?: Timing[];
  b1?: B1Row[];
  onnx?: Timing[];
  exportedSizes?: { format: string; bytes: number }[];
  wallSeconds?: number;
}

const MARKER = '<!-- Everything below is written by `pnpm bench`; edit the text above this line only. -->';
const file = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));

const fixed = (x: number, digits = 2) => x.toFixed(digits);
const ratio = (x: number) => `${x.toFixed(1)}×`;

/** Writes the report (atomically) and returns its path. */
export function writeReport(results: Results): string {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const preamble = old.includes(MARKER) ? old.slice(0, old.indexOf(MARKER)) : '# Benchmarks\n\n';
  const text = `${preamble}${MARKER}\n\n${generated(results).join('\n')}\n`;
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  return file;
}

function generated(r: Results): string[] {
  const m = r.machine;
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' — **quick mode** (smaller cases; not the figures to quote)' : ''}, wall time ${fixed(r.wallSeconds ?? 0, 0)} s.`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}.`,
    `- Load average (1, 5, 15 min) at start: ${m.load}; at end: ${loadavg()
      .map((l) => fixed(l))
      .join(', ')}. Other engineers share this machine, so figures carry their noise.`,
    `- Versions: @deltanet/tensor ${versionOf('@deltanet/tensor')}, @tensorflow/tfjs-core ${versionOf('@tensorflow/tfjs-core')}, tfjs-backend-wasm ${versionOf('@tensorflow/tfjs-backend-wasm')}, tfjs-backend-cpu ${versionOf('@tensorflow/tfjs-backend-cpu')}, brain.js ${versionOf('brain.js')}, brain.js ${versionOf('brain-v1')} (as \`brain-v1\`).`,
    '- Medians over repeats after warm-up (GEMM: the fastest of at least 15 samples, in two passes at the start and the end of the run). TF.js and brain.js run single-threaded (TF.js reports no multithread support for its wasm backend in Node). deltanet uses its default, every core (up to 8) for large products and maps, except where a row says one thread; its results are the same bits either way.',
    '',
    ...targets(r),
    ...(r.b1 ? b1Section(r.b1, r.settings) : []),
    ...(r.b2
      ? timingSection(
          'B2 full batch: 400-25-10, λ = 1, 5,000 examples',
          'ms per J + all D(l)',
          r.b2,
          1e3,
          'TF.js wasm float32',
        )
      : []),
    ...(r.b3
      ? timingSection(
          'B3 tiny: 2-8-8-1 tanh/tanh/sigmoid, 500 points, batch 10',
          'µs per step',
          r.b3,
          1e6,
          'brain.js 2',
        )
      : []),
    ...(r.onnx
      ? timingSection(
          'ONNX Runtime beside deltanet predict: 784-96-10 sigmoid, 2,000 rows per call',
          'ms per call',
          r.onnx,
          1e3,
          'onnxruntime-node float32',
        )
      : []),
    ...(r.exportedSizes
      ? [
          '## Exported sizes of the 784-96-10 network (76,330 parameters)',
          '',
          ...table(
            ['format', 'bytes'],
            r.exportedSizes.map((s) => [s.format, s.bytes.toLocaleString('en-US')]),
          ),
          '',
        ]
      : []),
    ...(r.gemm ? gemmSection(r.gemm) : []),
  ];
  return lines;
}

function b1Median(rows: B1Row[] | undefined, contestant: B1Contestant, optimizer: B1Optimizer) {
  const row = rows?.find((x) => x.contestant === contestant && x.optimizer === optimizer);
  return row && 'epochSeconds' in row ? { ...row, seconds: median(row.epochSeconds) } : undefined;
}

function targets(r: Results): string[] {
  const rows: string[][] = [];
  const check = (name: string, figure: string, value: number | undefined, goal: number, pass?: boolean) =>
    rows.push([
      name,
      figure,
      value === undefined ? 'n/a' : ratio(value),
      `${goal}×`,
      value === undefined ? 'not run' : (pass ?? value >= goal) ? 'met' : '**not met**',
    ]);
  for (const optimizer of ['sgd', 'adam'] as const) {
    const ours = b1Median(r.b1, 'deltanet-wasm', optimizer);
    const peer = b1Median(r.b1, 'tfjs-wasm', optimizer);
    const value = ours && peer ? peer.seconds / ours.seconds : undefined;
    const accurate = ours && peer ? ours.accuracy >= peer.accuracy : false;
    check(
      `B1 ${optimizer} vs TF.js wasm (and accuracy ≥ its)`,
      ours && peer
        ? `${fixed(ours.seconds, 3)} s vs ${fixed(peer.seconds, 3)} s per epoch; accuracy ${fixed(ours.accuracy * 100, 1)} % vs ${fixed(peer.accuracy * 100, 1)} %`
        : '',
      value,
      6,
      value !== undefined && value >= 6 && accurate,
    );
  }
  const time = (list: Timing[] | undefined, name: string) =>
    list?.find((t) => t.contestant === name)?.seconds;
  const b2 = [time(r.b2, 'deltanet wasm float32'), time(r.b2, 'TF.js wasm float32')];
  check(
    'B2 vs TF.js wasm',
    b2[0] && b2[1] ? `${fixed(b2[0] * 1e3)} ms vs ${fixed(b2[1] * 1e3)} ms` : '',
    b2[0] && b2[1] ? b2[1] / b2[0] : undefined,
    6,
  );
  const b2One = time(r.b2, 'deltanet wasm float32 one-thread');
  check(
    'B2 vs TF.js wasm, deltanet on one thread',
    b2One && b2[1] ? `${fixed(b2One * 1e3)} ms vs ${fixed(b2[1] * 1e3)} ms` : '',
    b2One && b2[1] ? b2[1] / b2One : undefined,
    6,
  );
  const b3 = time(r.b3, 'deltanet wasm float32');
  const brain = time(r.b3, 'brain.js 2');
  const tf = Math.min(
    time(r.b3, 'TF.js cpu') ?? Number.POSITIVE_INFINITY,
    time(r.b3, 'TF.js wasm') ?? Number.POSITIVE_INFINITY,
  );
  check(
    'B3 vs brain.js 2',
    b3 && brain ? `${fixed(b3 * 1e6)} µs vs ${fixed(brain * 1e6)} µs per step` : '',
    b3 && brain ? brain / b3 : undefined,
    3,
  );
  check(
    'B3 vs TF.js (its faster backend)',
    b3 && Number.isFinite(tf) ? `${fixed(b3 * 1e6)} µs vs ${fixed(tf * 1e6)} µs per step` : '',
    b3 && Number.isFinite(tf) ? tf / b3 : undefined,
    50,
  );
  const b1Shapes = r.gemm?.filter((g) => g.shape.label.startsWith('B1 '));
  const slowest = b1Shapes?.length
    ? Math.min(...b1Shapes.map((g) => g.gflops['deltanet wasm f32']!))
    : undefined;
  rows.push([
    'GEMM ≥ 25 GFLOPS on every B1 shape (f32, one core)',
    slowest === undefined ? '' : `slowest B1 shape ${fixed(slowest, 1)} GFLOPS`,
    slowest === undefined ? 'n/a' : fixed(slowest / 25),
    '1.0',
    slowest === undefined ? 'not run' : slowest >= 25 ? 'met' : '**not met**',
  ]);
  const ours = b1Median(r.b1, 'deltanet-wasm', 'sgd');
  const peer = b1Median(r.b1, 'tfjs-wasm', 'sgd');
  rows.push([
    'B1 peak RSS below TF.js wasm',
    ours && peer ? `${fixed(ours.maxRssMiB, 0)} MiB vs ${fixed(peer.maxRssMiB, 0)} MiB` : '',
    ours && peer ? fixed(peer.maxRssMiB / ours.maxRssMiB) : 'n/a',
    '> 1',
    ours && peer ? (ours.maxRssMiB < peer.maxRssMiB ? 'met' : '**not met**') : 'not run',
  ]);
  return ['## Targets', '', ...table(['target', 'this run', 'ratio', 'goal', 'verdict'], rows), ''];
}

function b1Section(rows: B1Row[], s: B1Settings): string[] {
  const body = rows.map((row) => {
    if ('error' in row) return [row.contestant, row.optimizer, 'failed', '', '', '', row.error];
    const ours = b1Median(rows, 'deltanet-wasm', row.optimizer);
    const seconds = median(row.epochSeconds);
    return [
      row.contestant,
      row.optimizer,
      fixed(seconds, 3),
      ours ? ratio(seconds / ours.seconds) : '',
      `${fixed(row.accuracy * 100, 1)} %`,
      fixed(row.maxRssMiB, 0),
      row.note ?? '',
    ];
  });
  return [
    `## B1 digits: ${s.trainSize} train / ${s.testSize} test, 784-128-10, batch 64, ${s.epochs} epoch(s), float32`,
    '',
    'Seconds per epoch are the median over the epochs; accuracy is on the test rows after the last epoch; peak RSS is the child process\'s maxRSS (the MNIST JSON all contestants load included). "× deltanet" is how many times longer the contestant takes than deltanet-wasm.',
    '',
    ...table(
      ['contestant', 'optimizer', 's / epoch', '× deltanet', 'test accuracy', 'peak RSS MiB', 'note'],
      body,
    ),
    '',
  ];
}

function timingSection(
  title: string,
  unit: string,
  timings: Timing[],
  scale: number,
  peer: string,
): string[] {
  const ours = timings.find((t) => t.contestant.startsWith('deltanet wasm float32'))!;
  const body = timings.map((t) => [
    t.contestant,
    fixed(t.seconds * scale, t.seconds * scale < 10 ? 2 : 1),
    ratio(t.seconds / ours.seconds),
    t.note ?? '',
  ]);
  return [
    `## ${title}`,
    '',
    `Headline peer: ${peer}. "× deltanet" is time relative to ${ours.contestant}.`,
    '',
    ...table(['contestant', unit, '× deltanet', 'note'], body),
    '',
  ];
}

function gemmSection(rows: GemmRow[]): string[] {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row.gflops)))];
  const body = rows.map((row) => [
    row.shape.label,
    ...names.map((n) => (row.gflops[n] === undefined ? '—' : fixed(row.gflops[n]!, 1))),
  ]);
  return [
    '## GEMM, GFLOPS (float32 unless marked f64; one thread unless marked; C read back for TF.js; fastest of at least 15 samples of about 20 ms)',
    '',
    "A and B are resident, as TF.js keeps its tensors in its wasm heap: deltanet pins them (`BackendPlugin.pin`), and C is copied out on every call, as TF.js's `dataSync` does. The \"copying A and B\" column adds deltanet's per-call copies of both operands from JavaScript arrays. The threaded column is deltanet's default: products from 2²⁴ multiply-adds are shared with helper threads (copying A and B into the shared memory); the B1 shapes are below that and run on one thread.",
    '',
    ...table(['shape', ...names], body),
    '',
  ];
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}
