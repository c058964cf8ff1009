// Where the diagram puts things. Two layouts: a compact one while training, and a roomy one while
// stepping through, where every unit gets a lane as wide as its numbers and rows tall enough to
// hold them under the unit; links leave a unit only past the end of its lane, so no number ever
// sits on a link (links run between lanes; a cubic with control points at the middle x keeps x
// between its ends) and no two numbers share a place (each lane and row belongs to one unit).

/** Side of a unit's square. */
export const NODE = 36;
/** Layer headers above, then the bias units' row, then the units. */
export const HEADER = 118;
export const LEFT = 60;
/** Horizontal room for links between one column's lanes and the next column. */
const GAP = 84;

/** One arrangement of the diagram. */
export interface Layout {
  /** Distance between columns. */
  readonly column: number;
  /** Distance between rows. */
  readonly row: number;
  /** Width of a unit's lane: links start at its right end; its numbers sit within it. */
  readonly lane: number;
}

/** While training: units close together; numbers are not shown. */
export const compact: Layout = { column: NODE + GAP, row: 50, lane: NODE };

/**
 * While stepping through: up to three numbers (a, g′, δ) of up to "δ⁽⁷⁾₈ −1.234e-4" under each
 * unit (below its bias marker), in 0.68 rem type: a lane of 104 px and a row of 36 + 7 + 41 + 8 px.
 */
export const tracing: Layout = { column: 104 + GAP, row: 92, lane: 104 };

/** Top-left corner of the unit at `row` of `column`. */
export function position(layout: Layout, column: number, row: number): { x: number; y: number } {
  return { x: LEFT + column * layout.column, y: HEADER + layout.row + row * layout.row };
}

/** Top-left corner of the bias unit a₀ = 1 above `column`. */
export function biasPosition(layout: Layout, column: number): { x: number; y: number } {
  return { x: LEFT + column * layout.column, y: HEADER };
}

/**
 * The SVG path of a link from the unit at `from` to the unit at `to` (top-left corners): a
 * straight stub along the source's lane at mid-height, then a smooth curve to the target's
 * left edge.
 */
export function linkPath(
  layout: Layout,
  from: { x: number; y: number },
  to: { x: number; y: number },
): string {
  const [x0, x1, y1, x2, y2] = [
    from.x + NODE,
    from.x + layout.lane,
    from.y + NODE / 2,
    to.x,
    to.y + NODE / 2,
  ];
  const mid = (x1 + x2) / 2;
  const stub = x1 > x0 ? `L${x1},${y1} ` : '';
  return `M${x0},${y1} ${stub}C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}

/** The diagram's size for these column sizes (inputs show every feature, `rows` of them). */
export function diagramSize(
  layout: Layout,
  columns: number,
  rows: number,
): { width: number; height: number } {
  return {
    width: LEFT + (columns - 1) * layout.column + layout.lane + 40,
    height: HEADER + layout.row + rows * layout.row,
  };
}
