// Property tests draw from one seed per run, so a red CI can be replayed exactly. The default
// seed changes only when someone changes it here; `FC_SEED=random` explores fresh cases (and
// prints the seed of any failure, to pin in a regression test).
import fc from 'fast-check';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: vitest runs outside turbo; no task cache to invalidate.
const requested = process.env.FC_SEED;
if (requested !== 'random') fc.configureGlobal({ seed: requested ? Number(requested) : 20261123 });
