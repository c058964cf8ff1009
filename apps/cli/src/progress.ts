// Training progress on stderr: a redrawn bar with cost, accuracy and ETA on a terminal, one
// plain line per epoch otherwise (logs, CI, TERM=dumb), nothing with --quiet.
import type { TrainingEvent } from '@deltanet/backprop';

/** Where progress goes and how it is drawn. */
export interface ProgressTarget {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

/** How progress is drawn. */
export interface ProgressOptions {
  readonly quiet?: boolean;
  /**
   * The figures of an epoch line after the cost; default the accuracy (and validation
   * figures). Regression passes its RMSE, MAE and R².
   */
  readonly epochFigures?: (event: Extract<TrainingEvent, { type: 'epoch' }>) => string;
  /** Regression: the bar shows no accuracy. */
  readonly regression?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** A listener for `fit`'s events that draws progress on `target`. */
export function progressReporter(target: ProgressTarget, options: ProgressOptions = {}) {
  if (options.quiet) return () => {};
  // A terminal that cannot move the cursor (TERM=dumb: Emacs shells, some CI) gets plain lines.
  const redraw = target.isTTY && (options.env ?? process.env).TERM !== 'dumb';
  let epochs = 0;
  let batches = 1;
  let started = Date.now();
  let lastDraw = 0;
  return (event: TrainingEvent) => {
    switch (event.type) {
      case 'start':
        epochs = event.epochs;
        batches = event.batchesPerEpoch;
        started = Date.now();
        target.write(
          `training on ${event.trainRows} rows${event.validationRows ? ` (validating on ${event.validationRows})` : ''}` +
            ` with ${event.optimizer}, ${epochs} epochs of ${batches} batches\n`,
        );
        return;
      case 'batch': {
        if (!redraw) return;
        const now = Date.now();
        if (now - lastDraw < 100 && event.batch !== event.batches) return;
        lastDraw = now;
        const done = (event.epoch - 1 + event.batch / event.batches) / epochs;
        const eta = done > 0 ? ((now - started) / done) * (1 - done) : 0;
        const width = Math.max(10, Math.min(30, (target.columns ?? 80) - 60));
        const filled = Math.round(done * width);
        target.write(
          `\r\u001b[2Kepoch ${event.epoch}/${epochs} [${'='.repeat(filled)}${' '.repeat(width - filled)}]` +
            ` cost ${event.cost.toFixed(4)}${options.regression ? '' : ` accuracy ${percent(event.accuracy)}`} ETA ${formatSeconds(eta / 1000)}`,
        );
        return;
      }
      case 'epoch': {
        const figures = options.epochFigures
          ? ` · ${options.epochFigures(event)}`
          : classificationFigures(event);
        target.write(
          `${redraw ? '\r\u001b[2K' : ''}epoch ${event.epoch}/${event.epochs} · cost ${event.cost.toFixed(4)}` +
            `${figures} · ${event.seconds.toFixed(1)}s\n`,
        );
        return;
      }
      case 'end':
        if (event.reason !== 'completed') {
          const best = event.bestEpoch !== undefined ? `; kept the weights of epoch ${event.bestEpoch}` : '';
          target.write(`stopped after ${event.epochs} epochs (${event.reason})${best}\n`);
        }
        return;
    }
  };
}

function classificationFigures(event: Extract<TrainingEvent, { type: 'epoch' }>): string {
  const validation =
    event.validationCost !== undefined
      ? ` · validation cost ${event.validationCost.toFixed(4)} accuracy ${percent(event.validationAccuracy!)}`
      : '';
  return ` accuracy ${percent(event.accuracy)}${validation}`;
}

/** 0.9512 → "95.12%". */
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
