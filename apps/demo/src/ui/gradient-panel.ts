// The gradient check panel: backprop's D against central differences for the current network
// on all training points. The verdict is the library's `passed` (‖n − a‖/‖n + a‖ with an
// absolute floor); the worst entries point at their weights in the diagram.
import type { GradientCheckReport, GradientEntry } from '@deltanet/backprop';
import { formatNumber } from '../format';
import { el } from './dom';

/** What the panel asks of the page. */
export interface GradientPanelEvents {
  check(): void;
  /** Points at Θ(layer)[row][column] in the diagram (undefined: stop pointing). */
  point(entry: Pick<GradientEntry, 'layer' | 'row' | 'column'> | undefined): void;
}

export class GradientPanel {
  readonly result = el('div', { id: 'gradient-result', 'aria-live': 'polite' });
  readonly element: HTMLElement;
  readonly #events: GradientPanelEvents;

  constructor(events: GradientPanelEvents) {
    this.#events = events;
    const button = el('button', { id: 'gradient-check' }, 'Check gradients');
    button.addEventListener('click', () => {
      this.clear();
      this.result.textContent = 'Checking…';
      events.check();
    });
    this.element = el(
      'section',
      { class: 'panel gradient-check', id: 'gradient-panel' },
      el('h2', {}, 'Gradient check'),
      el(
        'p',
        { class: 'hint' },
        'Numerical (J(θ+ε) − J(θ−ε)) / 2ε against backprop’s D for every weight, on all training points. Pauses training; any change clears the result.',
      ),
      button,
      this.result,
    );
  }

  /** Forgets a shown result: it described a Θ that has changed since. */
  clear(): void {
    if (this.result.childElementCount === 0 && this.result.textContent === '') return;
    this.result.replaceChildren();
    this.#events.point(undefined);
  }

  show(report: GradientCheckReport): void {
    const verdict = report.passed ? 'agree' : 'DISAGREE';
    const floor = `${report.tolerance.toExponential(0)}·‖n + a‖ + ${report.absoluteTolerance.toExponential(0)}·√k`;
    this.result.replaceChildren(
      el(
        'p',
        {
          class: `verdict ${report.passed ? 'good' : 'bad'}`,
          id: 'gradient-verdict',
          'data-passed': String(report.passed),
        },
        `Backprop and numerical gradients ${verdict}: ‖n − a‖ / ‖n + a‖ = `,
        el(
          'b',
          { id: 'relative-difference', 'data-value': report.relativeDifference },
          report.relativeDifference.toExponential(2),
        ),
        ` (‖n − a‖ = ${report.differenceNorm.toExponential(2)}, passes when ≤ ${floor}) over ${report.checked} of ${report.parameterCount} weights.`,
        report.kinks > 0 ? ` ${report.kinks} left out: their ±ε crossed a kink (relu at 0).` : '',
        report.flagged > 0 ? ` ${report.flagged} entries beyond the entry tolerance.` : '',
      ),
      el(
        'table',
        { id: 'gradient-worst' },
        el('caption', {}, 'Entries that agree least (hover or focus a row to see the weight)'),
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Θ entry'),
          el('th', { scope: 'col' }, 'backprop'),
          el('th', { scope: 'col' }, 'numerical'),
          el('th', { scope: 'col' }, '|a − n| / tolerance'),
        ),
        ...report.worst.map((entry) => this.#row(entry)),
      ),
    );
  }

  #row(entry: GradientEntry): HTMLElement {
    // A batch-norm γ or β has no link in the diagram: it is named as the library names it
    // ("layer 2 batch-norm γ[1]") and points at nothing.
    const weight = isDenseWeight(entry);
    const name = weight
      ? `Θ${entry.row + 1},${entry.column}(${entry.layer})${entry.column === 0 ? ' (bias)' : ''}`
      : entry.name;
    const row = el(
      'tr',
      {
        tabindex: 0,
        class: entry.flagged ? 'flagged' : entry.kink ? 'kink' : '',
        'data-layer': weight ? entry.layer : undefined,
        'data-row': weight ? entry.row : undefined,
        'data-column': weight ? entry.column : undefined,
        'data-name': entry.name,
        title: weight ? `Θ(${entry.layer}) row ${entry.row + 1}, column ${entry.column}` : entry.name,
      },
      el('td', {}, name),
      el('td', {}, formatNumber(entry.backprop)),
      el('td', {}, formatNumber(entry.numeric)),
      el(
        'td',
        {},
        `${entry.toleranceRatio.toExponential(2)}${entry.kink ? ' (kink)' : entry.flagged ? ' (flagged)' : ''}`,
      ),
    );
    const on = () => this.#events.point(weight ? entry : undefined);
    const off = () => this.#events.point(undefined);
    row.addEventListener('mouseenter', on);
    row.addEventListener('focus', on);
    row.addEventListener('mouseleave', off);
    row.addEventListener('blur', off);
    return row;
  }
}

/** Whether a checked entry is a dense layer's weight ("layer 1 dense Θ[3]"), which has a link. */
function isDenseWeight(entry: GradientEntry): boolean {
  return / dense Θ\[/.test(entry.name);
}
