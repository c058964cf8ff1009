// Digits mode: load MNIST and train in a worker, draw a digit with mouse or touch, see the
// prediction with its probabilities and the hidden units as 28 × 28 pictures of Θ(1)'s rows.
import { digitPixels, digitSide } from '../digit-pixels';
import type { DigitsReply, DigitsRequest } from '../worker/protocol';
import { blue, divergingColor } from './colors';
import { el } from './dom';

const PAD = 280;
/** Epochs per press of "Train". */
const EPOCHS = 3;

export class DigitsView {
  readonly element: HTMLElement;
  readonly status = el(
    'p',
    { id: 'digits-status', class: 'status' },
    'The digits load when you open this tab.',
  );
  readonly pad = el('canvas', { id: 'draw-pad', width: PAD, height: PAD });
  readonly preview = el('canvas', { id: 'digit-preview', width: digitSide, height: digitSide });
  readonly bars = el('div', { id: 'probabilities', class: 'probabilities' });
  readonly prediction = el('div', { id: 'prediction', class: 'prediction' }, '–');
  readonly hidden = el('div', { id: 'hidden-units', class: 'hidden-units' });
  readonly mistakes = el('div', { id: 'mistakes', class: 'mistakes' });
  /** One bar under each hidden unit's picture: how strongly it fires for the drawing. */
  #fireBars: HTMLElement[] = [];
  readonly trainButton = el('button', { id: 'digits-train', disabled: true }, `Train ${EPOCHS} epochs`);
  #worker: Worker | undefined;
  #trained = false;
  #drawing = false;

  constructor() {
    const clear = el('button', { id: 'digits-clear' }, 'Clear');
    clear.addEventListener('click', () => this.#clear());
    this.trainButton.addEventListener('click', () => {
      this.trainButton.disabled = true;
      this.#post({ type: 'train', epochs: EPOCHS });
    });
    this.element = el(
      'div',
      { class: 'digits-layout' },
      el(
        'section',
        { class: 'panel' },
        el('h2', {}, 'Train'),
        el(
          'p',
          { class: 'hint' },
          '784-32-10 network, sigmoid hidden units, softmax output, Adam; 6,000 training and 1,000 test digits.',
        ),
        this.trainButton,
        this.status,
      ),
      el(
        'section',
        { class: 'panel' },
        el('h2', {}, 'Draw a digit'),
        this.pad,
        el('div', { class: 'row' }, clear, el('span', { class: 'hint' }, 'network input:'), this.preview),
      ),
      el('section', { class: 'panel' }, el('h2', {}, 'Prediction'), this.prediction, this.bars),
      el(
        'section',
        { class: 'panel wide' },
        el('h2', {}, 'Hidden units'),
        el(
          'p',
          { class: 'hint' },
          'Each picture is one row of Θ(1) without its bias weight, 784 weights shown as 28 × 28: blue positive, orange negative. The bar under it is a(2) for your drawing: how strongly that unit fires (0 to 1); the units that fire most are outlined.',
        ),
        this.hidden,
      ),
      el(
        'section',
        { class: 'panel wide' },
        el('h2', {}, 'Misclassified test digits'),
        el(
          'p',
          { class: 'hint' },
          'The first test digits the network gets wrong, each with its label → the prediction.',
        ),
        this.mistakes,
      ),
    );
    this.#clear();
    this.#listen();
  }

  /** Starts the worker and loads the digits, once. */
  open(): void {
    if (this.#worker) return;
    this.#worker = new Worker(new URL('../worker/digits.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<DigitsReply>) => this.#receive(event.data);
    this.status.textContent = 'Loading 10,000 MNIST digits…';
    this.#post({ type: 'load' });
  }

  #post(request: DigitsRequest): void {
    this.#worker?.postMessage(request);
  }

  #receive(reply: DigitsReply): void {
    switch (reply.type) {
      case 'loaded':
        this.status.textContent = `Loaded ${reply.trainRows} training and ${reply.testRows} test digits in ${reply.seconds.toFixed(1)} s. Training…`;
        this.#post({ type: 'train', epochs: EPOCHS });
        return;
      case 'epoch':
        this.#trained = true;
        this.status.textContent = `Epoch ${reply.epoch}: test accuracy ${(100 * reply.accuracy).toFixed(1)}% (${reply.seconds.toFixed(1)} s)`;
        this.status.dataset['epoch'] = String(reply.epoch);
        this.status.dataset['accuracy'] = String(reply.accuracy);
        this.#showHidden(reply.hiddenImages);
        this.#showMistakes(reply.mistakes);
        this.#classify();
        return;
      case 'trained':
        this.trainButton.disabled = false;
        this.status.dataset['trained'] = 'true';
        return;
      case 'classified':
        this.#showProbabilities(reply.probabilities);
        this.#showFiring(reply.hidden);
        return;
      case 'error':
        this.status.textContent = `Error: ${reply.message}`;
        this.trainButton.disabled = false;
        return;
    }
  }

  #listen(): void {
    const context = this.#pad();
    const point = (event: PointerEvent) => {
      const rect = this.pad.getBoundingClientRect();
      return [
        ((event.clientX - rect.left) / rect.width) * PAD,
        ((event.clientY - rect.top) / rect.height) * PAD,
      ] as const;
    };
    this.pad.addEventListener('pointerdown', (event) => {
      this.#drawing = true;
      this.pad.setPointerCapture(event.pointerId);
      const [x, y] = point(event);
      context.beginPath();
      context.moveTo(x, y);
      context.lineTo(x + 0.1, y);
      context.stroke();
    });
    this.pad.addEventListener('pointermove', (event) => {
      if (!this.#drawing) return;
      const [x, y] = point(event);
      context.lineTo(x, y);
      context.stroke();
    });
    const finish = () => {
      if (!this.#drawing) return;
      this.#drawing = false;
      this.#classify();
    };
    this.pad.addEventListener('pointerup', finish);
    this.pad.addEventListener('pointercancel', finish);
  }

  /** The drawing's context; read back after every stroke, so kept in CPU memory. */
  #pad(): CanvasRenderingContext2D {
    return this.pad.getContext('2d', { willReadFrequently: true })!;
  }

  #clear(): void {
    const context = this.#pad();
    context.fillStyle = 'black';
    context.fillRect(0, 0, PAD, PAD);
    Object.assign(context, { strokeStyle: 'white', lineWidth: 20, lineCap: 'round', lineJoin: 'round' });
    this.preview.getContext('2d')!.clearRect(0, 0, digitSide, digitSide);
    this.prediction.textContent = '–';
    delete this.prediction.dataset['digit'];
    this.bars.replaceChildren();
    this.#showFiring(undefined);
  }

  /** The drawing as 784 MNIST-style pixels (shown in the preview), sent for classification. */
  #classify(): void {
    const { data } = this.#pad().getImageData(0, 0, PAD, PAD);
    const intensity = new Float32Array(PAD * PAD);
    for (let i = 0; i < intensity.length; i++) intensity[i] = data[4 * i]! / 255;
    const pixels = digitPixels(intensity, PAD, PAD);
    const image = new ImageData(digitSide, digitSide);
    for (const [i, v] of pixels.entries()) image.data.set([255 * v, 255 * v, 255 * v, 255], 4 * i);
    this.preview.getContext('2d')!.putImageData(image, 0, 0);
    if (this.#trained && pixels.some((v) => v > 0)) this.#post({ type: 'classify', pixels });
  }

  #showProbabilities(probabilities: number[]): void {
    const best = probabilities.indexOf(Math.max(...probabilities));
    this.prediction.textContent = String(best);
    this.prediction.dataset['digit'] = String(best);
    this.bars.replaceChildren(
      ...probabilities.map((p, digit) =>
        el(
          'div',
          { class: digit === best ? 'bar best' : 'bar', 'data-digit': digit, 'data-probability': p },
          el('span', { class: 'digit' }, String(digit)),
          el(
            'span',
            { class: 'track' },
            Object.assign(el('span', { class: 'fill' }), {
              style: `width: ${(100 * p).toFixed(1)}%; background: rgb(${blue.join(',')})`,
            }),
          ),
          el('span', { class: 'p' }, `${(100 * p).toFixed(1)}%`),
        ),
      ),
    );
  }

  #showHidden(images: Float32Array[]): void {
    this.#fireBars = [];
    this.hidden.replaceChildren(
      ...images.map((weights, j) => {
        const canvas = el('canvas', {
          width: digitSide,
          height: digitSide,
          title: `hidden unit ${j + 1}`,
          class: 'unit-image',
          role: 'img',
          'aria-label': `weights of hidden unit ${j + 1}`,
        });
        // Symmetric scale per unit, so white is exactly zero weight.
        const top = Math.max(1e-9, ...Array.from(weights, Math.abs));
        const image = new ImageData(digitSide, digitSide);
        for (const [i, w] of weights.entries()) image.data.set([...divergingColor(w / top), 255], 4 * i);
        canvas.getContext('2d')!.putImageData(image, 0, 0);
        const bar = el('span', { class: 'fire' }, el('span', { class: 'fire-fill' }));
        this.#fireBars.push(bar);
        return el('figure', { class: 'hidden-unit', 'data-unit': j }, canvas, bar);
      }),
    );
  }

  /** a(2) for the drawing under each hidden unit; the five strongest outlined. */
  #showFiring(hidden: number[] | undefined): void {
    const strongest = new Set(
      (hidden ?? [])
        .map((a, j) => [a, j] as const)
        .sort((p, q) => q[0] - p[0])
        .slice(0, 5)
        .map(([, j]) => j),
    );
    this.#fireBars.forEach((bar, j) => {
      const a = hidden?.[j];
      const figure = bar.parentElement!;
      figure.classList.toggle('firing', strongest.has(j));
      bar.title = a === undefined ? '' : `a${j + 1}(2) = ${a.toFixed(3)}`;
      if (a === undefined) delete figure.dataset['activation'];
      else figure.dataset['activation'] = String(a);
      (bar.firstChild as HTMLElement).style.width = `${(100 * (a ?? 0)).toFixed(1)}%`;
    });
  }

  #showMistakes(mistakes: { pixels: Float32Array; label: number; predicted: number }[]): void {
    this.mistakes.replaceChildren(
      ...mistakes.map(({ pixels, label, predicted }) => {
        const canvas = el('canvas', {
          width: digitSide,
          height: digitSide,
          class: 'mistake-image',
          role: 'img',
          'aria-label': `a ${label} read as ${predicted}`,
        });
        const image = new ImageData(digitSide, digitSide);
        for (const [i, v] of pixels.entries()) image.data.set([255 * v, 255 * v, 255 * v, 255], 4 * i);
        canvas.getContext('2d')!.putImageData(image, 0, 0);
        return el(
          'figure',
          { class: 'mistake', 'data-label': label, 'data-predicted': predicted },
          canvas,
          el('figcaption', {}, `${label} → ${predicted}`),
        );
      }),
    );
  }
}
