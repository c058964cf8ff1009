// The step-through's numbers on the diagram, named in the course's notation with the layer as a
// superscript and the unit as a subscript (a⁽²⁾₁, z⁽³⁾₂, δ⁽³⁾₁; inputs are a⁽¹⁾ᵢ = xᵢ), so no
// label can be taken for a feature's name (X₁, X₁², sin(X₁), …).
import { formatNumber } from '../format';
import { el } from './dom';

/** The numbers shown on a unit: each quantity with its full value. */
export interface UnitLabel {
  readonly parts: readonly { readonly quantity: string; readonly value: number }[];
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const subscripts = '₀₁₂₃₄₅₆₇₈₉';
const digits = (n: number, set: string) => [...String(n)].map((d) => set[Number(d)]).join('');

/**
 * The symbol of `quantity` at unit `unit` (0-based) of diagram column `column` (0 = inputs):
 * layer l = column + 1, unit i = unit + 1; the input's x is a⁽¹⁾.
 *
 * @example
 * unitSymbol('δ', 2, 0); // "δ⁽³⁾₁"
 */
export function unitSymbol(quantity: string, column: number, unit: number): string {
  const name = quantity === 'x' ? 'a' : quantity;
  return `${name}⁽${digits(column + 1, superscripts)}⁾${digits(unit + 1, subscripts)}`;
}

/** Fills `label` (a unit's number box) with one span per quantity, or hides it. */
export function writeLabel(
  label: HTMLElement,
  shown: UnitLabel | undefined,
  column: number,
  unit: number,
): void {
  // One span per quantity carries its exact value, for readers and for the e2e tests.
  label.replaceChildren(
    ...(shown?.parts ?? []).map(({ quantity, value }) =>
      el(
        'span',
        { 'data-quantity': quantity, 'data-value': String(value) },
        `${unitSymbol(quantity, column, unit)} ${formatNumber(value)}`,
      ),
    ),
  );
  label.hidden = !shown;
}
