// The playground's training thread: owns the session, trains while playing, and answers the
// page's questions (trace, gradient check, model) between epochs, so the page never blocks.
/// <reference lib="webworker" />
import { builtinRegistry, serializeNetwork } from '@deltanet/backprop';
import { PlaygroundSession } from '../session/playground-session';
import type { PlaygroundReply, PlaygroundRequest, StampedReply } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Epochs run between two redraws while playing: about one frame's worth. */
const FRAME_MS = 30;
const registry = builtinRegistry();
let session: PlaygroundSession | undefined;
let playing = false;
/** The page's number for the current session: a play loop of an older one stops. */
let generation = 0;

const reply = (message: PlaygroundReply) => {
  const transfer = message.type === 'snapshot' ? message.snapshot.unitMaps.flat().map((m) => m.buffer) : [];
  const stamped: StampedReply = { ...message, generation };
  self.postMessage(stamped, transfer);
};
const fail = (error: unknown) =>
  reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

self.onmessage = (event: MessageEvent<PlaygroundRequest>) => {
  handle(event.data).catch((error) => {
    playing = false;
    fail(error);
  });
};

async function handle(request: PlaygroundRequest): Promise<void> {
  if (request.type === 'configure') {
    generation = request.generation;
    playing = false;
    session = undefined;
    const created = new PlaygroundSession(request.state, registry);
    session = created;
    reply({ type: 'configured', train: created.data.trainPoints, test: created.data.testPoints });
    reply({ type: 'snapshot', snapshot: created.snapshot(), playing });
    return;
  }
  if (!session) throw new Error('the network could not be built; change the settings above');
  const current = session;
  switch (request.type) {
    case 'play':
      if (!playing) void play(current, generation);
      return;
    case 'pause':
      playing = false;
      return;
    case 'step':
      playing = false;
      await current.train(1);
      reply({ type: 'snapshot', snapshot: current.snapshot(), playing });
      return;
    case 'trace':
      reply({ type: 'trace', example: request.example, trace: current.trace(request.example) });
      return;
    case 'gradient-check':
      reply({ type: 'gradient-check', report: current.gradientCheck() });
      return;
    case 'model':
      reply({ type: 'model', json: serializeNetwork(current.net) });
      return;
  }
}

async function play(current: PlaygroundSession, started: number): Promise<void> {
  playing = true;
  while (playing && generation === started) {
    const until = performance.now() + FRAME_MS;
    do await current.train(1);
    while (performance.now() < until);
    if (generation !== started) return;
    reply({ type: 'snapshot', snapshot: current.snapshot(), playing });
    // Lets pause, trace and configure messages in before the next frame.
    await nextTask();
  }
}
