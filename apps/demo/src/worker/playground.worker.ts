// The playground's training thread: owns the session, trains while playing at the chosen pace,
// and answers the page between chunks of training, so the page never blocks. Every play, pause
// and step is confirmed with a 'status' reply; at most one snapshot is in flight: the next is
// sent only after the page says it drew the last ('ack'), so a slow page is never flooded.
/// <reference lib="webworker" />
import { builtinRegistry, serializeNetwork } from '@deltanet/backprop';
import { wasmThreads } from '@deltanet/tensor';
import { divergenceReport } from '../session/divergence-report';
import { PlaygroundSession } from '../session/playground-session';
import { exportNetwork } from './export-network';
import type { PlaygroundReply, PlaygroundRequest, StampedReply } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Longest stretch of training between two looks at the message queue. */
const CHUNK_MS = 15;
const registry = builtinRegistry();
let session: PlaygroundSession | undefined;
let playing = false;
/** The running play loop, if any: there is never more than one. */
let loop: Promise<void> | undefined;
/** A snapshot was posted and the page has not drawn it yet. */
let awaitingAck = false;
/** Θ changed since the last snapshot posted. */
let dirty = false;
/** The pace: epochs trained since `paceStart` (reset on play and on a speed change). */
let paceStart = 0;
let paceEpochs = 0;
/** The page's number for the current session, stamped on every reply. */
let generation = 0;

const reply = (message: PlaygroundReply) => {
  const transfer =
    message.type === 'snapshot'
      ? [message.snapshot.output.buffer, ...message.snapshot.unitMaps.flat().map((m) => m.buffer)]
      : [];
  const stamped: StampedReply = { ...message, generation };
  self.postMessage(stamped, transfer);
};
const status = (current: PlaygroundSession) => reply({ type: 'status', playing, epoch: current.epoch });
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Posts a snapshot if Θ moved and the page has drawn the previous one. */
function flush(current: PlaygroundSession): void {
  if (!dirty || awaitingAck) return;
  dirty = false;
  awaitingAck = true;
  reply({ type: 'snapshot', snapshot: current.snapshot() });
}

self.onmessage = (event: MessageEvent<PlaygroundRequest>) => {
  try {
    handle(event.data);
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

function handle(request: PlaygroundRequest): void {
  if (request.type === 'configure') {
    generation = request.generation;
    playing = false;
    awaitingAck = false;
    session = undefined;
    const created = new PlaygroundSession(request.state, registry);
    session = created;
    const { name, description } = created.net.backend;
    reply({
      type: 'configured',
      train: created.data.trainPoints,
      test: created.data.testPoints,
      backend: { name, description, threads: wasmThreads() },
    });
    dirty = true;
    flush(created);
    status(created);
    return;
  }
  if (!session) throw new Error('the network could not be built; change the settings above');
  const current = session;
  switch (request.type) {
    case 'tune':
      if (request.state.speed !== current.state.speed) [paceStart, paceEpochs] = [performance.now(), 0];
      current.retune(request.state);
      // The page shows the current α: a new rate or schedule is drawn even while paused.
      dirty = true;
      flush(current);
      return;
    case 'play':
      if (!playing) {
        playing = true;
        [paceStart, paceEpochs] = [performance.now(), 0];
        loop ??= run(current).finally(() => {
          loop = undefined;
        });
      }
      status(current);
      return;
    case 'pause':
      playing = false;
      // A running loop may be inside an epoch: it confirms once that epoch is done and drawn.
      if (!loop) {
        flush(current);
        status(current);
      }
      return;
    case 'step':
      playing = false;
      // A step while the loop is mid-chunk waits for it to stop; the chunk ends within CHUNK_MS.
      void (loop ?? Promise.resolve())
        .then(() => trainOrReport(current, 1))
        .then(() => {
          flush(current);
          status(current);
        });
      return;
    case 'ack':
      awaitingAck = false;
      flush(current);
      return;
    case 'set-weight':
      current.setWeight(request.layer, request.row, request.column, request.value);
      dirty = true;
      flush(current);
      return;
    case 'trace':
      reply({
        type: 'trace',
        example: request.example,
        count: request.count,
        trace: current.trace(request.example, request.count),
      });
      return;
    case 'gradient-check':
      reply({ type: 'gradient-check', report: current.gradientCheck(), epoch: current.epoch });
      return;
    case 'model':
      reply({ type: 'model', json: serializeNetwork(current.net) });
      return;
    case 'export': {
      const { format } = request;
      void exportNetwork(current.net, format, current.state.features).then(
        (result) =>
          reply(
            'files' in result
              ? { type: 'exported', format, files: result.files }
              : { type: 'export-refused', format, reason: result.refused },
          ),
        (error: unknown) =>
          reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
  }
}

/** Trains `epochs`; a divergence stops play and is reported at once. False when it diverged. */
async function trainOrReport(current: PlaygroundSession, epochs: number): Promise<boolean> {
  try {
    for (let e = 0; e < epochs; e++) {
      await current.train(1);
      dirty = true;
    }
    return true;
  } catch (error) {
    playing = false;
    const report = divergenceReport(error, current.epoch + 1);
    if (!report) throw error;
    if (session === current) reply({ type: 'diverged', report });
    return false;
  }
}

/** The play loop: chunks of training at the pace asked, a snapshot whenever the page is ready. */
async function run(current: PlaygroundSession): Promise<void> {
  try {
    while (playing && session === current) {
      const speed = current.state.speed;
      const started = performance.now();
      // Epochs due by now at `speed` per second (unlimited at speed 0), within one chunk's time.
      const due = () =>
        speed === 0 ? 1 : Math.floor(((performance.now() - paceStart) / 1000) * speed) - paceEpochs;
      while (playing && due() > 0 && performance.now() - started < CHUNK_MS) {
        if (!(await trainOrReport(current, 1))) break;
        paceEpochs++;
      }
      if (session !== current) return;
      flush(current);
      if (!playing) break;
      // Lets pause, tune, ack and configure in; sleeps until the next epoch is due when paced.
      await wait(
        speed === 0
          ? 0
          : Math.max(0, Math.min(50, (1000 * (paceEpochs + 1)) / speed - (performance.now() - paceStart))),
      );
    }
  } catch (error) {
    playing = false;
    if (session === current)
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
  // Stopped (pause, divergence, error): the page learns the true state and sees the last epoch.
  if (session === current && !playing) {
    flush(current);
    status(current);
  }
}
