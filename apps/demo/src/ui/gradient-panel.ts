// The gradient check panel: backprop's D against central differences for the current network
// on all training points, with the course's relative difference ‖n − a‖ / ‖n + a‖.
import type { GradientCheckReport } from '@deltanet/backprop';
import { formatNumber } from '../format';
import { el } from './dom';

/** Below this the two gradients agree to round-off (float64, ε = 1e-4). */
const AGREE = 1e-7;

export class GradientPanel {
  readonly result = el('div', { id: 'gradient-result' });
  readonly element: HTMLElement;

  constructor(check: () => void) {
    const button = el('button', { id: 'gradient-check' }, 'Check gradients');
    button.addEventListener('click', () => {
      this.result.textContent = 'Checking…';
      check();
    });
    this.element = el(
      'section',
      { class: 'panel gradient-check', id: 'gradient-panel' },
      el('h2', {}, 'Gradient check'),
      el(
        'p',
        { class: 'hint' },
        'Numerical (J(θ+ε) − J(θ−ε)) / 2ε against backprop’s D for every weight, on all training points.',
      ),
      button,
      this.result,
    );
  }

  show(report: GradientCheckReport): void {
    const verdict = report.relativeDifference < AGREE ? 'agree' : 'DISAGREE';
    this.result.replaceChildren(
      el(
        'p',
        { class: `verdict ${verdict === 'agree' ? 'good' : 'bad'}` },
        'Relative difference ‖n − a‖ / ‖n + a‖ = ',
        el(
          'b',
          { id: 'relative-difference', 'data-value': report.relativeDifference },
          report.relativeDifference.toExponential(2),
        ),
        ` over ${report.checked} of ${report.parameterCount} weights: backprop and numerical gradients ${verdict}.`,
      ),
      el(
        'table',
        {},
        el(
          'tr',
          {},
          el('th', {}, 'Θ entry'),
          el('th', {}, 'backprop'),
          el('th', {}, 'numerical'),
          el('th', {}, 'relative diff.'),
        ),
        ...report.worst.map((entry) =>
          el(
            'tr',
            {},
            el('td', {}, `Θ${entry.row + 1},${entry.column}(${entry.layer})`),
            el('td', {}, formatNumber(entry.backprop)),
            el('td', {}, formatNumber(entry.numeric)),
            el('td', {}, entry.relativeDifference.toExponential(2)),
          ),
        ),
      ),
    );
  }
}
