// The step-through panel: pick a training example, then walk its forward pass and its
// backpropagation stage by stage; the numbers go on the diagram, the formula here.
import type { BackpropTrace } from '@deltanet/backprop';
import { formatNumber } from '../format';
import type { StageNames } from '../step-through';
import { stagesOf, viewStage } from '../step-through';
import { el } from './dom';
import type { DiagramOverlay, UnitLabel } from './network-view';

/** What the panel needs from the page. */
export interface StepThroughEvents {
  /** Asks the worker for a trace of training examples example..example+count−1. */
  trace(example: number, count: number): void;
  overlay(overlay: DiagramOverlay | undefined): void;
  highlight(example: number | undefined): void;
}

export class StepThroughPanel {
  readonly example = el('input', { id: 'trace-example', type: 'number', min: 0, value: '0', step: 1 });
  /** m: 1 traces one example; more traces a minibatch (Δ accumulating over its examples). */
  readonly count = el('input', { id: 'trace-count', type: 'number', min: 1, max: 100, value: '1', step: 1 });
  readonly title = el('div', { class: 'stage-title', id: 'stage-title' });
  readonly formula = el('div', { class: 'formula', id: 'formula' });
  readonly table = el('div', { class: 'gradient-row', id: 'gradient-row' });
  readonly previous = el('button', { id: 'stage-previous', disabled: true }, '◀ Back');
  readonly next = el('button', { id: 'stage-next', disabled: true }, 'Next ▶');
  readonly close = el('button', { id: 'trace-close', disabled: true }, 'Done');
  readonly element: HTMLElement;
  #trace: BackpropTrace | undefined;
  #y: number[] = [];
  #stage = 0;
  #unit = 0;
  #names: StageNames = { activations: [], regularizer: '' };
  readonly #events: StepThroughEvents;

  constructor(events: StepThroughEvents) {
    this.#events = events;
    const start = el('button', { id: 'trace-start' }, 'Trace');
    start.addEventListener('click', () => events.trace(Number(this.example.value) || 0, this.batchSize));
    this.previous.addEventListener('click', () => this.#go(this.#stage - 1));
    this.next.addEventListener('click', () => this.#go(this.#stage + 1));
    this.close.addEventListener('click', () => this.clear());
    this.element = el(
      'section',
      { class: 'panel step-through', id: 'step-through' },
      el('h2', {}, 'Backprop, step by step'),
      el(
        'p',
        { class: 'hint' },
        'Pause, pick a training point (click it on the output), then step through its forward pass and backpropagation. Click a unit to see its formula.',
      ),
      el(
        'div',
        { class: 'row' },
        el('label', { for: 'trace-example' }, 'Training example '),
        this.example,
        el('label', { for: 'trace-count' }, 'minibatch of m = '),
        this.count,
        start,
      ),
      el('div', { class: 'row' }, this.previous, this.next, this.close),
      this.title,
      this.formula,
      this.table,
    );
  }

  /** A new trace of example `example` (target y): start at the first stage. */
  show(example: number, trace: BackpropTrace, y: number[], names: StageNames): void {
    this.example.value = String(example);
    this.#trace = trace;
    this.#y = y;
    this.#names = names;
    this.#unit = 0;
    this.#events.highlight(example);
    this.#go(0);
  }

  /** The same example traced again after Θ changed: stay on the stage and unit shown. */
  refresh(trace: BackpropTrace): void {
    if (!this.#trace) return;
    this.#trace = trace;
    this.#go(this.#stage);
  }

  /** Shows unit `unit` of the current stage's layer (a click on the diagram). */
  focus(unit: number): void {
    if (!this.#trace) return;
    this.#unit = unit;
    this.#go(this.#stage);
  }

  /** Leaves step-through mode (also when the network changes). */
  clear(): void {
    this.#trace = undefined;
    this.title.textContent = '';
    this.formula.replaceChildren();
    this.table.replaceChildren();
    for (const button of [this.previous, this.next, this.close]) button.disabled = true;
    this.#events.overlay(undefined);
    this.#events.highlight(undefined);
  }

  /** The m asked for (1 when the field holds no whole number ≥ 1). */
  get batchSize(): number {
    const m = Number(this.count.value);
    return Number.isInteger(m) && m >= 1 ? m : 1;
  }

  get active(): boolean {
    return this.#trace !== undefined;
  }

  #go(index: number): void {
    const trace = this.#trace;
    if (!trace) return;
    const stages = stagesOf(trace);
    this.#stage = Math.max(0, Math.min(stages.length - 1, index));
    const view = viewStage(trace, stages[this.#stage]!, this.#y, this.#names, this.#unit);
    this.previous.disabled = this.#stage === 0;
    this.next.disabled = this.#stage === stages.length - 1;
    this.close.disabled = false;
    this.title.textContent = `${this.#stage + 1}/${stages.length}  ${view.title}`;
    this.formula.innerHTML = view.formula;
    this.table.replaceChildren();
    const layer = stages[this.#stage]!.layer;
    const j = view.focus.unit;
    // Cells carry their exact value and place, for readers and for the browser tests.
    const cell = (quantity: string, col: number, value: number) =>
      el(
        'td',
        {
          'data-quantity': quantity,
          'data-layer': layer,
          'data-row': j,
          'data-col': col,
          'data-value': value,
        },
        formatNumber(value),
      );
    const header = (...names: string[]) =>
      el('tr', {}, ...names.map((name) => el('th', { scope: 'col' }, name)));
    if (view.accumulation) {
      const a1 = layer === 1 ? 'x₁' : `a₁(${layer})`;
      this.table.append(
        el(
          'table',
          { id: 'accumulation' },
          el('caption', {}, `Δ${j + 1}1(${layer}) example by example`),
          header('i', `δ${j + 1}(${layer + 1})(i)`, `${a1}(i)`, 'δ·a', `Δ${j + 1}1 so far`),
          ...view.accumulation.map(({ i, delta, a, term, sum }) =>
            el(
              'tr',
              {},
              el('td', {}, String(i + 1)),
              el('td', {}, formatNumber(delta)),
              el('td', {}, formatNumber(a)),
              el('td', {}, formatNumber(term)),
              el(
                'td',
                { 'data-quantity': 'Delta-sum', 'data-example': i, 'data-value': sum },
                formatNumber(sum),
              ),
            ),
          ),
        ),
      );
    }
    if (view.gradientRow) {
      const first = trace.m > 1 ? ' (example 1)' : '';
      this.table.append(
        el(
          'table',
          {},
          header('k', `[1; a(${layer})]ₖ${first}`, `Δ${j + 1}ₖ(${layer})`, `D${j + 1}ₖ(${layer})`),
          ...view.gradientRow.map(({ k, a, Delta, D }) =>
            el(
              'tr',
              {},
              el('td', {}, String(k)),
              el('td', {}, formatNumber(a)),
              cell('Delta', k, Delta),
              cell('D', k, D),
            ),
          ),
        ),
      );
    }
    if (view.layerTable) {
      const { caption, columns, rows } = view.layerTable;
      this.table.append(
        el(
          'table',
          { id: 'layer-table' },
          el('caption', {}, caption),
          header(...columns),
          ...rows.map((cells) =>
            el(
              'tr',
              {},
              ...cells.map(({ quantity, value }) =>
                quantity === 'unit'
                  ? el('td', {}, String(value))
                  : el('td', { 'data-quantity': quantity, 'data-value': value }, formatNumber(value)),
              ),
            ),
          ),
        ),
      );
    }
    if (view.updateRow) {
      this.table.append(
        el(
          'table',
          { id: 'update' },
          header('k', `Θ${j + 1}ₖ(${layer})`, `D${j + 1}ₖ(${layer})`, `Θ − αD`),
          ...view.updateRow.map(({ k, theta, D, next }) =>
            el(
              'tr',
              {},
              el('td', {}, String(k)),
              cell('theta', k, theta),
              cell('D', k, D),
              cell('theta-next', k, next),
            ),
          ),
        ),
      );
    }
    const labels = view.values.map((column) =>
      column.map((shown): UnitLabel | undefined => (shown.length === 0 ? undefined : { parts: shown })),
    );
    this.#events.overlay({
      labels,
      litLayer: view.litLayer,
      focus: view.focus,
      litFromFocus: view.litFromFocus,
    });
  }
}
