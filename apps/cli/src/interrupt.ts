// Ctrl-C, SIGTERM (`timeout`, `docker stop`) and SIGHUP (a closed ssh session) while training:
// the first one finishes the batch, saves a checkpoint and exits 128 + the signal's number; a
// second one quits at once (files are written atomically, so nothing is left broken).
import { signalExitCode } from './exit-codes';
import type { OutputStream } from './io';

type StopSignal = keyof typeof signalExitCode;

/** An AbortSignal raised by SIGINT, SIGTERM or SIGHUP, until `release` is called. */
export function interruptSignal(stderr: OutputStream): {
  signal: AbortSignal;
  /** The exit code for the signal received (128 + n), or undefined. */
  exitCode: () => number | undefined;
  release: () => void;
} {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const handlers = (Object.keys(signalExitCode) as StopSignal[]).map((name) => {
    const handler = () => {
      if (controller.signal.aborted) process.exit(signalExitCode[name]);
      received = name;
      const again = name === 'SIGINT' ? 'Ctrl-C again' : 'send it again';
      // A closed terminal (SIGHUP) may make this write fail; the checkpoint matters more.
      try {
        stderr.write(
          `\n${name === 'SIGINT' ? 'interrupted' : `received ${name}`}: finishing this batch and saving a checkpoint (${again} to quit now)\n`,
        );
      } catch {}
      controller.abort();
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    exitCode: () => (received ? signalExitCode[received] : undefined),
    release: () => {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
