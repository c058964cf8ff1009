// The diagram's links: one SVG path per weight Θ(l)ⱼₖ, drawn by sign and magnitude, lit by the
// step-through, pointed at by the gradient check, and edited by click or keyboard. The links are
// one keyboard stop (a roving tabindex): Tab reaches the current link, the arrow keys move
// along Θ(1), Θ(2), … row by row, Enter or Space opens the editor.
import { formatNumber } from '../format';
import { weightColor } from './colors';
import { svg } from './dom';
import type { Layout } from './network-layout';
import { biasPosition, linkPath, position } from './network-layout';
import type { WeightAt } from './weight-editor';
import { WeightEditor } from './weight-editor';

/** What lights up during the step-through (see DiagramOverlay). */
export interface LinkLight {
  readonly litLayer?: number;
  readonly focus?: { readonly column: number; readonly unit: number };
  readonly litFromFocus?: boolean;
}

export class NetworkLinks {
  /** The links' layer, and above the units a copy of the focused links, so δ's path stays visible. */
  readonly svg: SVGSVGElement;
  readonly focusSvg: SVGSVGElement;
  readonly editor = new WeightEditor();
  /** Index [l][j][k], k = 0 the bias weight. */
  readonly paths: SVGPathElement[][][];
  /** Every path in keyboard order, and where each sits in it. */
  readonly #order: SVGPathElement[];

  /**
   * Paths for a network of `columns` units per layer; `inputRow` maps an input unit to its row
   * on screen; `setWeight` gets an edited value.
   */
  constructor(
    layout: Layout,
    columns: readonly number[],
    inputRow: (unit: number) => number,
    size: { width: number; height: number },
    setWeight: (at: WeightAt, value: number) => void,
  ) {
    this.svg = svg('svg', { class: 'links', ...size });
    this.focusSvg = svg('svg', { class: 'focus-links', ...size });
    this.paths = columns.slice(0, -1).map((_, l) =>
      Array.from({ length: columns[l + 1]! }, (_, j) =>
        Array.from({ length: columns[l]! + 1 }, (_, k) => {
          const from =
            k === 0 ? biasPosition(layout, l) : position(layout, l, l === 0 ? inputRow(k - 1) : k - 1);
          const path = svg('path', {
            d: linkPath(layout, from, position(layout, l + 1, j)),
            class: k === 0 ? 'link bias-link' : 'link',
            id: `link-${l + 1}-${j}-${k}`,
            role: 'button',
            tabindex: -1,
            'aria-label': `weight Θ${j + 1},${k}(${l + 1})${k === 0 ? ' (bias)' : ''}: Enter to edit, arrows for the next`,
          });
          // Made once, its text written when the pointer or focus arrives: a frame touches no tooltips.
          const title = path.appendChild(svg('title'));
          const describe = () => {
            title.textContent = `Θ${j + 1},${k}(${l + 1}) = ${formatNumber(Number(path.dataset['weight']))} (click to edit)`;
          };
          path.addEventListener('mouseenter', describe);
          path.addEventListener('focus', describe);
          const at = { layer: l + 1, row: j, column: k };
          path.addEventListener('click', (event) => this.#edit(at, path, setWeight, event));
          path.addEventListener('keydown', (event) => this.#key(event, at, path, setWeight));
          this.svg.append(path);
          return path;
        }),
      ),
    );
    this.#order = this.paths.flat(2);
    // The first weight that is not a bias (bias links show only while stepping through).
    this.#order[1]?.setAttribute('tabindex', '0');
  }

  /** Draws every link by its weight: blue positive, orange negative, wider when larger. */
  paint(thetas: readonly (readonly (readonly number[])[])[]): void {
    for (const [l, theta] of thetas.entries()) {
      for (const [j, row] of theta.entries()) {
        for (const [k, weight] of row.entries()) {
          const path = this.paths[l]?.[j]?.[k];
          if (!path) continue;
          // Attributes, not inline styles: the step-through's CSS must be able to recolour a link.
          // Only a visible change is written (colour by sign, width in 0.1 px steps), so a frame
          // of small steps repaints few of the hundreds of links.
          const stroke = weightColor(weight);
          const width = (0.5 + Math.min(Math.abs(weight), 4) * 1.4).toFixed(1);
          if (path.getAttribute('stroke') !== stroke) path.setAttribute('stroke', stroke);
          if (path.getAttribute('stroke-width') !== width) path.setAttribute('stroke-width', width);
          path.dataset['weight'] = String(weight);
        }
      }
    }
  }

  /** Lights Θ(litLayer)'s links, and most those touching the focused unit. */
  light(overlay: LinkLight | undefined): void {
    for (const [l, layer] of this.paths.entries()) {
      for (const [j, row] of layer.entries()) {
        for (const [k, path] of row.entries()) {
          const inLayer = overlay?.litLayer === l;
          const focus = overlay?.focus;
          const touchesFocus =
            focus !== undefined &&
            (overlay?.litFromFocus
              ? focus.column === l && k === focus.unit + 1
              : focus.column === l + 1 && j === focus.unit);
          path.classList.toggle('lit', inLayer);
          path.classList.toggle('lit-focus', inLayer && touchesFocus);
        }
      }
    }
    const focused = this.svg.querySelectorAll('path.lit-focus');
    // Copies only: no ids or tab stops twice.
    this.focusSvg.replaceChildren(
      ...Array.from(focused, (path) => {
        const copy = path.cloneNode(true) as SVGPathElement;
        for (const name of ['id', 'tabindex', 'role', 'aria-label']) copy.removeAttribute(name);
        copy.setAttribute('aria-hidden', 'true');
        return copy;
      }),
    );
  }

  #key(
    event: KeyboardEvent,
    at: WeightAt,
    path: SVGPathElement,
    setWeight: (at: WeightAt, value: number) => void,
  ) {
    const here = this.#order.indexOf(path);
    const moves: Record<string, number> = {
      ArrowRight: here + 1,
      ArrowDown: here + 1,
      ArrowLeft: here - 1,
      ArrowUp: here - 1,
      Home: 0,
      End: this.#order.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#edit(at, path, setWeight);
      return;
    }
    const target = this.#order[moves[event.key] ?? -1];
    if (!target) return;
    event.preventDefault();
    path.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  }

  /** The editor at the pointer (a click) or at the middle of the link (a key). */
  #edit(
    at: WeightAt,
    path: SVGPathElement,
    setWeight: (at: WeightAt, value: number) => void,
    event?: MouseEvent,
  ) {
    const box = this.svg.getBoundingClientRect();
    let place: { left: number; top: number };
    if (event) place = { left: event.clientX - box.left, top: event.clientY - box.top };
    else {
      const middle = path.getPointAtLength(path.getTotalLength() / 2);
      place = { left: middle.x, top: middle.y };
    }
    for (const other of this.#order) other.setAttribute('tabindex', other === path ? '0' : '-1');
    this.svg.parentElement?.append(this.editor.element);
    this.editor.open(
      at,
      Number(path.dataset['weight'] ?? 0),
      place,
      (value) => setWeight(at, value),
      () => path.focus(),
    );
  }
}
