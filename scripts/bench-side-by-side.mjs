// Runs deltanet's own B1–B3 contestants from several builds of the repository side by side, as
// `pnpm bench`'s child processes (apps/bench/dist/main.js --child …), alternating the builds in
// every round (the order rotates each round), so load from other processes falls on all of them
// alike. Prints, per case and build, the median and the fastest over the rounds, and the ratios
// to the first build. Each build must have been built (`turbo run build --filter=@deltanet/bench...`).
// With --gemm, the wasm backend's single-threaded float32 products on `pnpm bench`'s GEMM shapes
// too (scripts/bench-gemm-child.mjs, in ms or µs per product: lower is faster, like every other row).
// Usage: node scripts/bench-side-by-side.mjs [--rounds 5] [--b1] [--gemm] name=/path/to/checkout ...
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 5;
const withB1 = args.includes('--b1');
const withGemm = args.includes('--gemm');
const builds = args.filter((a) => a.includes('=')).map((a) => a.split('='));
if (builds.length < 2) throw new Error('give at least two builds as name=/path/to/checkout');

// [label, kind, contestant, option, unit scale, unit]
const cases = [
  ['B2 wasm float32', 'b2', 'deltanet wasm float32', '7', 1e3, 'ms'],
  ['B2 wasm float32, one thread', 'b2', 'deltanet wasm float32 one-thread', '7', 1e3, 'ms'],
  ['B2 wasm float64', 'b2', 'deltanet wasm float64', '7', 1e3, 'ms'],
  ['B2 js float32', 'b2', 'deltanet js float32', '7', 1e3, 'ms'],
  ['B3 wasm float32', 'b3', 'deltanet wasm float32', '15', 1e6, 'µs'],
  ['B3 wasm float64', 'b3', 'deltanet wasm float64', '15', 1e6, 'µs'],
  ['B3 js float32', 'b3', 'deltanet js float32', '15', 1e6, 'µs'],
  ...(withB1
    ? [
        ['B1 sgd deltanet-wasm', 'b1', 'deltanet-wasm', 'sgd', 1, 's/epoch'],
        ['B1 adam deltanet-wasm', 'b1', 'deltanet-wasm', 'adam', 1, 's/epoch'],
      ]
    : []),
  ...(withGemm
    ? [
        ['GEMM 512³ A·B', 'gemm', '', 'false false 512 512 512', 1e3, 'ms'],
        ['GEMM 512³ Aᵀ·B', 'gemm', '', 'true false 512 512 512', 1e3, 'ms'],
        ['GEMM 512³ A·Bᵀ', 'gemm', '', 'false true 512 512 512', 1e3, 'ms'],
        ['GEMM B1 forward 64×784·784×128', 'gemm', '', 'false true 64 128 784', 1e6, 'µs'],
        ['GEMM B1 weight gradient 128×64·64×784', 'gemm', '', 'true false 128 784 64', 1e6, 'µs'],
        ['GEMM B1 input gradient 64×128·128×784', 'gemm', '', 'false false 64 784 128', 1e6, 'µs'],
        ['GEMM B1 output-layer 64×10·10×128', 'gemm', '', 'false false 64 128 10', 1e6, 'µs'],
      ]
    : []),
];

function runOnce(root, [, kind, contestant, option]) {
  const command =
    kind === 'gemm'
      ? [join(import.meta.dirname, 'bench-gemm-child.mjs'), root, ...option.split(' ')]
      : [join(root, 'apps/bench/dist/main.js'), '--child', kind, contestant, option];
  const out = execFileSync(process.execPath, command, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 24,
  });
  const result = JSON.parse(out.trim().split('\n').pop());
  if (kind !== 'b1') return result.seconds;
  const epochs = [...result.epochSeconds].sort((a, b) => a - b);
  return epochs[epochs.length >> 1];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const started = new Date();
const loadStart = loadavg();
const times = new Map(); // `${case}|${build}` → seconds[]
for (let round = 0; round < rounds; round++) {
  for (const c of cases) {
    // Rotate the order of the builds every round and case.
    const order = builds.map((_, i) => builds[(i + round) % builds.length]);
    for (const [name, root] of order) {
      const key = `${c[0]}|${name}`;
      times.set(key, [...(times.get(key) ?? []), runOnce(root, c)]);
    }
  }
  process.stderr.write(`round ${round + 1}/${rounds} done, load ${loadavg()[0].toFixed(2)}\n`);
}
const loadEnd = loadavg();

const names = builds.map(([n]) => n);
console.log(
  `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${rounds} rounds, load average ${loadStart.map((l) => l.toFixed(2)).join(', ')} at start, ${loadEnd.map((l) => l.toFixed(2)).join(', ')} at end\n`,
);
console.log(
  `| case | ${names.map((n) => `${n} median (fastest)`).join(' | ')} | ${names
    .slice(1)
    .map((n) => `${n} / ${names[0]} median (fastest)`)
    .join(' | ')} |`,
);
console.log(`| --- |${' --- |'.repeat(names.length * 2 - 1)}`);
for (const c of cases) {
  const [label, , , , scale, unit] = c;
  const stats = names.map((n) => {
    const xs = times.get(`${label}|${n}`);
    return { median: median(xs), fastest: Math.min(...xs) };
  });
  const cells = stats.map((s) => `${(s.median * scale).toFixed(2)} (${(s.fastest * scale).toFixed(2)})`);
  const ratios = stats
    .slice(1)
    .map((s) => `${(s.median / stats[0].median).toFixed(2)} (${(s.fastest / stats[0].fastest).toFixed(2)})`);
  console.log(`| ${label} (${unit}) | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
}
