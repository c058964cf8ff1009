// The course's symbols as HTML for the step-through's formulas.

/**
 * A symbol with subscript and (layer) superscript, as HTML.
 *
 * @example
 * sym('Θ', '12', 2); // "Θ<sub>12</sub><sup>(2)</sup>"
 */
export function sym(symbol: string, sub: string, layer?: number): string {
  return `${symbol}<sub>${sub}</sub>${layer === undefined ? '' : `<sup>(${layer})</sup>`}`;
}
