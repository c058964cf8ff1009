// Ctrl-C while training: the first one finishes the batch, saves a checkpoint and exits 130;
// a second one quits at once (model files are written atomically, so nothing is left broken).
import type { OutputStream } from './io';

/** An AbortSignal raised by SIGINT, until `release` is called. */
export function interruptSignal(stderr: OutputStream): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    stderr.write('\ninterrupted: finishing this batch and saving a checkpoint (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, release: () => process.off('SIGINT', onSigint) };
}
