// Lets timers, AbortSignals and UI events run between batches without slowing training:
// actually yields only when ~40 ms have passed since the last yield, and reads the clock only
// about once a millisecond (Date.now() costs ~50 ns, a tenth of a tiny network's whole step).
const SLICE_MS = 40;
// Calls between clock reads double while a read finds under 1 ms gone since the one before,
// up to this many, and fall back to 1 when a read finds over 4 ms gone.
const MAX_STRIDE = 256;

let lastYield = Date.now();
let lastRead = lastYield;
let stride = 1;
let skipped = 0;

const schedule: (callback: () => void) => void =
  typeof setImmediate === 'function'
    ? (callback) => setImmediate(callback)
    : (callback) => setTimeout(callback, 0);

/** Starts reading the clock on every call again: calls may be slower than the last run's. */
export function restartYieldClock(): void {
  stride = 1;
  skipped = 0;
}

/**
 * Resolves at once most of the time (returns undefined: callers `await` only a promise, since
 * awaiting undefined still costs a microtask), or a promise that resolves after one macrotask
 * when a time slice has passed.
 */
export function yieldToEventLoop(): Promise<void> | undefined {
  if (++skipped < stride) return undefined;
  skipped = 0;
  const now = Date.now();
  const sinceRead = now - lastRead;
  lastRead = now;
  if (sinceRead < 1) stride = Math.min(2 * stride, MAX_STRIDE);
  else if (sinceRead > 4) stride = 1;
  if (now - lastYield < SLICE_MS) return undefined;
  lastYield = now;
  return new Promise((resolve) => schedule(resolve));
}
