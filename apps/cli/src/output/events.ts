// `--json`: one JSON object per line on stdout, each with an "event" field. The schema is
// apps/cli/schema/events.schema.json, documented in docs/cli-events.md.
import type { OutputStream } from '../io';

/** A JSON value as events carry it. */
export type Json =
  | null
  | boolean
  | number
  | string
  | readonly Json[]
  | { readonly [key: string]: Json | undefined };

/** Every event of `--json` output. */
export type CliEvent =
  | { readonly event: 'start'; readonly command: string; readonly [key: string]: Json | undefined }
  | {
      readonly event: 'epoch';
      readonly epoch: number;
      readonly epochs: number;
      readonly cost: number;
      /** Classification only. */
      readonly accuracy?: number;
      /** Regression only: on the training rows, in the targets' units, after the epoch. */
      readonly rmse?: number;
      readonly mae?: number;
      readonly r2?: number;
      readonly validationCost?: number;
      readonly validationAccuracy?: number;
      readonly seconds: number;
    }
  | {
      readonly event: 'checkpoint';
      readonly path: string;
      readonly completedEpochs: number;
      readonly batchesDone: number;
    }
  | { readonly event: 'end'; readonly reason: string; readonly epochs: number; readonly bestEpoch?: number }
  | {
      readonly event: 'prediction';
      readonly row: number;
      readonly class?: string;
      readonly outputs: readonly number[];
    }
  | { readonly event: 'result'; readonly command: string; readonly [key: string]: Json | undefined }
  | { readonly event: 'warning'; readonly message: string }
  | { readonly event: 'error'; readonly exitCode: number; readonly message: string };

/** Writes events as NDJSON, or nothing when `--json` is off. */
export interface EventSink {
  readonly enabled: boolean;
  emit(event: CliEvent): void;
}

export function eventSink(stdout: OutputStream, enabled: boolean): EventSink {
  return {
    enabled,
    emit(event) {
      if (enabled) stdout.write(`${JSON.stringify(event, finite)}\n`);
    },
  };
}

// JSON has no NaN or Infinity: write them as strings rather than as null.
function finite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
