// The output column: h(x1, x2) as a heatmap (the decision boundary, or the fitted surface for
// regression) with the training points (white rim) and test points (dark rim) on it, the train
// and test losses, and their curves. Losses only: a regression has no accuracy to show.

import { formatNumber } from '../format';
import type { LabelledPoints } from '../session/playground-data';
import { domain } from '../session/playground-data';
import type { PlaygroundSnapshot } from '../session/playground-session';
import type { Problem } from '../state';
import { discretizeProblem } from '../url-state';
import { blue, divergingColor, orange } from './colors';
import { el } from './dom';
import { paintHeatmap } from './heatmap';

const SIZE = 320;
/** Loss-curve points kept: past this, every other point is dropped, so memory stays flat however long it plays. */
const HISTORY = 400;

export class OutputView {
  readonly heatmap = el('canvas', { id: 'heatmap', width: SIZE, height: SIZE });
  readonly chart = el('canvas', { id: 'loss-chart', width: SIZE, height: 80 });
  readonly testLoss = el('span', { id: 'test-loss' }, '–');
  readonly trainLoss = el('span', { id: 'train-loss' }, '–');
  readonly showTest = el('input', { type: 'checkbox', id: 'show-test' });
  readonly discretize = el('input', { type: 'checkbox', id: 'discretize' });
  /** Why discretize is off for regression (shown under the box, and read with it). */
  readonly discretizeWhy = el('p', { class: 'hint', id: 'discretize-why', hidden: true }, discretizeProblem);
  #problem: Problem = 'classification';
  /** h thresholded at ½, reused for every discretized paint. */
  #classes = new Float32Array(0);
  readonly element: HTMLElement;
  /** Called with the index of the training point clicked on the heatmap. */
  onPick: (example: number) => void = () => {};
  /** Called when "Show test data" or "Discretize output" is toggled (the page keeps both in the URL). */
  onToggle: (next: { showTest: boolean; discretize: boolean }) => void = () => {};
  #train: LabelledPoints | undefined;
  #test: LabelledPoints | undefined;
  #history: { train: number; test: number }[] = [];
  #last: PlaygroundSnapshot | undefined;
  #highlighted: number | undefined;

  constructor() {
    this.element = el(
      'div',
      { class: 'output' },
      el('h2', {}, 'Output'),
      el('div', { class: 'losses' }, 'Test loss ', this.testLoss, el('br'), 'Training loss ', this.trainLoss),
      el(
        'div',
        { class: 'legend' },
        el('span', { class: 'train-key' }, 'train'),
        ' ',
        el('span', { class: 'test-key' }, 'test'),
      ),
      this.chart,
      this.heatmap,
      el('label', { class: 'check' }, this.showTest, ' Show test data'),
      el('label', { class: 'check' }, this.discretize, ' Discretize output'),
      this.discretizeWhy,
      el('p', { class: 'hint' }, 'Click a training point to step through backpropagation on it.'),
    );
    for (const box of [this.showTest, this.discretize]) {
      box.addEventListener('change', () => {
        this.#draw();
        this.onToggle({ showTest: this.showTest.checked, discretize: this.discretize.checked });
      });
    }
    this.heatmap.addEventListener('click', (event) => this.#pick(event));
  }

  /** Sets the checkboxes (from the state) and redraws. */
  setToggles(showTest: boolean, discretize: boolean): void {
    if (this.showTest.checked === showTest && this.discretize.checked === discretize) return;
    this.showTest.checked = showTest;
    this.discretize.checked = discretize;
    this.#draw();
  }

  /** New data: forget the curves. Regression colours by value and has nothing to discretize. */
  reset(train: LabelledPoints, test: LabelledPoints, problem: Problem = 'classification'): void {
    this.#problem = problem;
    const regression = problem === 'regression';
    this.discretize.disabled = regression;
    this.discretizeWhy.hidden = !regression;
    if (regression) this.discretize.setAttribute('aria-describedby', 'discretize-why');
    else this.discretize.removeAttribute('aria-describedby');
    this.#train = train;
    this.#test = test;
    this.#history = [];
    this.#last = undefined;
  }

  update(snapshot: PlaygroundSnapshot): void {
    this.#last = snapshot;
    if (snapshot.epoch === 0) this.#history = [];
    this.#history.push({ train: snapshot.trainLoss, test: snapshot.testLoss });
    if (this.#history.length > HISTORY) this.#history = this.#history.filter((_, i) => i % 2 === 0);
    this.testLoss.textContent = formatNumber(snapshot.testLoss);
    this.trainLoss.textContent = formatNumber(snapshot.trainLoss);
    this.testLoss.dataset['value'] = String(snapshot.testLoss);
    this.#draw();
    this.#drawChart();
  }

  /** Rings the traced training point. */
  highlight(example: number | undefined): void {
    this.#highlighted = example;
    this.#draw();
  }

  #draw(): void {
    const snapshot = this.#last;
    if (!snapshot) return;
    let shown = snapshot.output;
    const regression = this.#problem === 'regression';
    if (this.discretize.checked && !regression) {
      if (this.#classes.length !== shown.length) this.#classes = new Float32Array(shown.length);
      for (let i = 0; i < shown.length; i++) this.#classes[i] = shown[i]! >= 0.5 ? 1 : 0;
      shown = this.#classes;
    }
    paintHeatmap(this.heatmap, shown, snapshot.resolution, regression ? 'signed' : 'probability');
    const context = this.heatmap.getContext('2d')!;
    const dots = (set: LabelledPoints | undefined, rim: string) => {
      if (!set) return;
      for (let i = 0; i < set.labels.length; i++) {
        const [x, y] = toCanvas(set.points[2 * i]!, set.points[2 * i + 1]!);
        context.beginPath();
        context.arc(x, y, 3.5, 0, 2 * Math.PI);
        const colour = regression ? divergingColor(set.targets[i]!) : set.labels[i] === 1 ? blue : orange;
        context.fillStyle = `rgb(${colour.join(',')})`;
        context.fill();
        context.strokeStyle = rim;
        context.lineWidth = 1;
        context.stroke();
      }
    };
    dots(this.#train, 'white');
    if (this.showTest.checked) dots(this.#test, 'black');
    if (this.#highlighted !== undefined && this.#train) {
      const i = this.#highlighted;
      const [x, y] = toCanvas(this.#train.points[2 * i]!, this.#train.points[2 * i + 1]!);
      context.beginPath();
      context.arc(x, y, 8, 0, 2 * Math.PI);
      context.strokeStyle = '#202124';
      context.lineWidth = 2.5;
      context.stroke();
    }
  }

  #drawChart(): void {
    const context = this.chart.getContext('2d')!;
    const { width, height } = this.chart;
    context.clearRect(0, 0, width, height);
    const history = this.#history;
    if (history.length < 2) return;
    const top = Math.max(...history.map((h) => Math.max(h.train, h.test)), 1e-9);
    const line = (key: 'train' | 'test', colour: string) => {
      context.beginPath();
      history.forEach((h, i) => {
        const x = (i / (history.length - 1)) * width;
        const y = height - (Math.min(h[key], top) / top) * (height - 4) - 2;
        if (i === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
      context.strokeStyle = colour;
      context.lineWidth = 1.5;
      context.stroke();
    };
    line('train', '#9aa0a6');
    line('test', '#202124');
  }

  #pick(event: MouseEvent): void {
    const set = this.#train;
    if (!set) return;
    const rect = this.heatmap.getBoundingClientRect();
    const px = ((event.clientX - rect.left) / rect.width) * SIZE;
    const py = ((event.clientY - rect.top) / rect.height) * SIZE;
    let best = -1;
    let bestDistance = 8 ** 2;
    for (let i = 0; i < set.labels.length; i++) {
      const [x, y] = toCanvas(set.points[2 * i]!, set.points[2 * i + 1]!);
      const distance = (x - px) ** 2 + (y - py) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    }
    if (best >= 0) this.onPick(best);
  }
}

function toCanvas(x1: number, x2: number): [number, number] {
  return [((x1 + domain) / (2 * domain)) * SIZE, ((domain - x2) / (2 * domain)) * SIZE];
}
