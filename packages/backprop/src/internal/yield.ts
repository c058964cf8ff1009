// Lets timers, AbortSignals and UI events run between batches without slowing training:
// actually yields only when ~40 ms have passed since the last yield.
const SLICE_MS = 40;
let lastYield = Date.now();

const schedule: (callback: () => void) => void =
  typeof setImmediate === 'function'
    ? (callback) => setImmediate(callback)
    : (callback) => setTimeout(callback, 0);

/** Resolves at once most of the time, or after one macrotask when a time slice has passed. */
export function yieldToEventLoop(): Promise<void> | undefined {
  const now = Date.now();
  if (now - lastYield < SLICE_MS) return undefined;
  lastYield = now;
  return new Promise((resolve) => schedule(resolve));
}
