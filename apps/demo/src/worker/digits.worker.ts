// Digits mode's thread: loads the MNIST digits (a lazy chunk), trains epoch by epoch and
// classifies drawings, so neither the 21 MB parse nor training freezes the page.
/// <reference lib="webworker" />
import { DigitsSession } from '../session/digits-session';
import type { DigitsReply, DigitsRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Misclassified test digits shown in the gallery. */
const MISTAKES = 24;
let session: Promise<DigitsSession> | undefined;
let stop: AbortController | undefined;

const reply = (message: DigitsReply) => {
  const transfer =
    message.type === 'epoch'
      ? [...message.hiddenImages, ...message.mistakes.map((m) => m.pixels)].map((image) => image.buffer)
      : [];
  self.postMessage(message, transfer);
};

self.onmessage = (event: MessageEvent<DigitsRequest>) => {
  handle(event.data).catch((error) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};

async function handle(request: DigitsRequest): Promise<void> {
  if (request.type === 'load') {
    const started = performance.now();
    session ??= DigitsSession.load();
    const loaded = await session;
    reply({
      type: 'loaded',
      trainRows: loaded.train.x.rows,
      testRows: loaded.test.x.rows,
      seconds: (performance.now() - started) / 1000,
    });
    return;
  }
  if (!session) throw new Error('load the digits first');
  const current = await session;
  if (request.type === 'stop') {
    stop?.abort();
    return;
  }
  if (request.type === 'classify') {
    reply({
      type: 'classified',
      probabilities: current.classify(request.pixels),
      hidden: current.hiddenActivations(request.pixels),
    });
    return;
  }
  stop?.abort();
  const controller = new AbortController();
  stop = controller;
  for (let e = 0; e < request.epochs && !controller.signal.aborted; e++) {
    const started = performance.now();
    const accuracy = await current.trainEpoch(controller.signal);
    reply({
      type: 'epoch',
      epoch: current.epoch,
      accuracy,
      seconds: (performance.now() - started) / 1000,
      hiddenImages: current.hiddenImages(),
      mistakes: current
        .misclassified(MISTAKES)
        .map(({ pixels, label, predicted }) => ({ pixels, label, predicted })),
    });
  }
  reply({ type: 'trained' });
}
