// The messages between the page and its two workers. Everything here is structured-clone data.
import type { BackpropTrace, GradientCheckReport } from '@deltanet/backprop';
import type { DivergenceReport } from '../session/divergence-report';
import type { LabelledPoints } from '../session/playground-data';
import type { PlaygroundSnapshot } from '../session/playground-session';
import type { PlaygroundState } from '../state';
import type { ExportedFile, ExportFormat } from './export-network';

/** Page → playground worker. */
export type PlaygroundRequest =
  /** A new session; every later reply carries `generation`, so the page can drop stale ones. */
  | { readonly type: 'configure'; readonly state: PlaygroundState; readonly generation: number }
  /** Settings that keep Θ and the epoch (learning rate, schedule, λ, regularizer, batch, optimizer, speed). */
  | { readonly type: 'tune'; readonly state: PlaygroundState }
  /** Each is confirmed by a 'status' reply; the page shows only confirmed states. */
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  /** The page drew the last snapshot: the worker may send the next (one in flight at most). */
  | { readonly type: 'ack' }
  | {
      readonly type: 'set-weight';
      readonly layer: number;
      readonly row: number;
      readonly column: number;
      readonly value: number;
    }
  /** Training examples example..example+count−1 (count 1: one example; more: a minibatch). */
  | { readonly type: 'trace'; readonly example: number; readonly count: number }
  | { readonly type: 'gradient-check' }
  | { readonly type: 'model' }
  /** The network in another framework's format (loads @deltanet/interop on first use). */
  | { readonly type: 'export'; readonly format: ExportFormat };

/** Playground worker → page. */
export type PlaygroundReply =
  | {
      readonly type: 'configured';
      readonly train: LabelledPoints;
      readonly test: LabelledPoints;
      /** The compute backend the network runs on, and how many threads its kernels use. */
      readonly backend: { readonly name: string; readonly description: string; readonly threads: number };
    }
  | { readonly type: 'snapshot'; readonly snapshot: PlaygroundSnapshot }
  /** The worker's true state after a play, pause, step or divergence. */
  | { readonly type: 'status'; readonly playing: boolean; readonly epoch: number }
  | { readonly type: 'diverged'; readonly report: DivergenceReport }
  | {
      readonly type: 'trace';
      readonly example: number;
      readonly count: number;
      readonly trace: BackpropTrace;
    }
  /** The check of Θ as it was after `epoch` epochs. */
  | { readonly type: 'gradient-check'; readonly report: GradientCheckReport; readonly epoch: number }
  | { readonly type: 'model'; readonly json: string }
  /** The files of an export, or why this network cannot be written in that format. */
  | { readonly type: 'exported'; readonly format: ExportFormat; readonly files: ExportedFile[] }
  | { readonly type: 'export-refused'; readonly format: ExportFormat; readonly reason: string }
  | { readonly type: 'error'; readonly message: string };

/** A reply stamped with the generation of the configure it answers. */
export type StampedReply = PlaygroundReply & { readonly generation: number };

/** Page → digits worker. */
export type DigitsRequest =
  | { readonly type: 'load' }
  | { readonly type: 'train'; readonly epochs: number }
  | { readonly type: 'stop' }
  | { readonly type: 'classify'; readonly pixels: Float64Array };

/** Digits worker → page. */
export type DigitsReply =
  | {
      readonly type: 'loaded';
      readonly trainRows: number;
      readonly testRows: number;
      readonly seconds: number;
    }
  | {
      readonly type: 'epoch';
      readonly epoch: number;
      readonly accuracy: number;
      readonly seconds: number;
      readonly hiddenImages: Float32Array[];
      /** The first misclassified test digits, with the true and the predicted digit. */
      readonly mistakes: {
        readonly pixels: Float32Array;
        readonly label: number;
        readonly predicted: number;
      }[];
    }
  | { readonly type: 'trained' }
  /** h for the drawing, and a(2): how strongly each hidden unit fires for it. */
  | { readonly type: 'classified'; readonly probabilities: number[]; readonly hidden: number[] }
  | { readonly type: 'error'; readonly message: string };
