// The small form that edits one weight Θ(l)ⱼₖ, opened by clicking its link or pressing Enter on
// it; closing it (set, Escape) puts the keyboard focus back on the link.
import { el } from './dom';

/** Which weight: Θ(layer)[row][column], column 0 the bias weight. */
export interface WeightAt {
  readonly layer: number;
  readonly row: number;
  readonly column: number;
}

export class WeightEditor {
  readonly element = el('form', { class: 'weight-editor', hidden: true });

  /**
   * Opens the form at (left, top) in the diagram's coordinates for `at`, starting from `current`;
   * `set` gets a finite value typed in, `done` runs whenever the form closes.
   */
  open(
    at: WeightAt,
    current: number,
    place: { left: number; top: number },
    set: (value: number) => void,
    done: () => void,
  ): void {
    const { layer, row, column } = at;
    const input = el('input', {
      type: 'number',
      step: 'any',
      id: 'weight-value',
      value: String(current),
      'aria-label': `Θ(${layer}) row ${row + 1}, column ${column}`,
    });
    const close = () => {
      this.element.hidden = true;
      done();
    };
    this.element.replaceChildren(
      el('label', { for: 'weight-value' }, `Θ${row + 1},${column}(${layer})${column === 0 ? ' bias' : ''} =`),
      input,
      el('button', { type: 'submit' }, 'Set'),
    );
    this.element.onsubmit = (submit) => {
      submit.preventDefault();
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value)) {
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      close();
      set(value);
    };
    input.addEventListener('keydown', (key) => {
      if (key.key === 'Escape') close();
    });
    Object.assign(this.element.style, { left: `${place.left}px`, top: `${place.top}px` });
    this.element.hidden = false;
    input.focus();
    input.select();
  }
}
