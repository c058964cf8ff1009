// The network diagram: feature nodes, hidden layers edited in place (units, activation), the
// output unit; a small heatmap in every unit and links drawn by weight sign and magnitude. In
// step-through mode it also shows the bias units, numbers on units and the links carrying δ.
import type { GradientEntry, NonFiniteOrigin } from '@deltanet/backprop';
import type { FeatureName } from '../features';
import { featureNames, mapFeatures } from '../features';
import { formatNumber } from '../format';
import { gridPoints } from '../session/playground-data';
import type { PlaygroundSnapshot } from '../session/playground-session';
import type { PlaygroundState } from '../state';
import { limits } from '../state';
import { weightColor } from './colors';
import { choice, el, keepingFocus, svg } from './dom';
import { paintHeatmap } from './heatmap';

const COLUMN = 120;
const ROW = 50;
const NODE = 36;
/** Layer headers above, then the bias units' row, then the units. */
const HEADER = 118;
const LEFT = 60;

/** The numbers shown on a unit: each quantity with its full value. */
export interface UnitLabel {
  readonly parts: readonly { readonly quantity: string; readonly value: number }[];
}

/** What the step-through puts on the diagram. */
export interface DiagramOverlay {
  /** labels[column][unit]; column 0 is the input layer. */
  readonly labels: (readonly (UnitLabel | undefined)[] | undefined)[];
  /** Θ(l) (0-based column l → l+1) whose links light up, and the unit (row) in focus. */
  readonly litLayer?: number;
  readonly focus?: { readonly column: number; readonly unit: number };
  /** Light links of Θ(litLayer) that end in (false) or start from (true) the focused unit. */
  readonly litFromFocus?: boolean;
}

/** What the diagram reports back. */
export interface NetworkViewEvents {
  change(next: Partial<PlaygroundState>): void;
  focus(column: number, unit: number): void;
  /** The user typed a new value for Θ(layer)[row][column] (column 0 the bias weight). */
  setWeight(layer: number, row: number, column: number, value: number): void;
}

/** Side of the enlarged heatmap shown while hovering a unit. */
const ZOOM = 200;

export class NetworkView {
  readonly element = el('div', { class: 'network', id: 'network' });
  #state: PlaygroundState | undefined;
  #canvases: HTMLCanvasElement[][] = [];
  #labels: HTMLElement[][] = [];
  #links: SVGPathElement[][][] = [];
  /** Above the units and their numbers: copies of the focused links, so δ's path stays visible. */
  #focusLinks = svg('svg', { class: 'focus-links' });
  /** Each hidden/output unit's bias marker (colour and tooltip follow Θ(l)'s column 0). */
  #biasDots: HTMLElement[][] = [];
  /** The last snapshot drawn, for the enlarged heatmap. */
  #last: PlaygroundSnapshot | undefined;
  readonly #zoom = el('canvas', {
    class: 'unit-zoom',
    width: ZOOM,
    height: ZOOM,
    hidden: true,
    'aria-hidden': 'true',
  });
  readonly #editor = el('form', { class: 'weight-editor', hidden: true });
  readonly #activations: readonly string[];
  readonly #events: NetworkViewEvents;

  constructor(activations: readonly string[], events: NetworkViewEvents) {
    this.#activations = activations;
    this.#events = events;
  }

  /** Lays out the diagram for `state`'s architecture; weights arrive with `update`. */
  build(state: PlaygroundState, gridSide: number): void {
    keepingFocus(() => this.#build(state, gridSide));
  }

  #build(state: PlaygroundState, gridSide: number): void {
    this.#state = state;
    this.#last = undefined;
    const columns: number[] = [state.features.length, ...state.hidden, 1];
    const width = LEFT + (columns.length - 1) * COLUMN + NODE + 40;
    const height = HEADER + ROW + Math.max(featureNames.length, ...state.hidden) * ROW;
    const links = svg('svg', { class: 'links', width, height });
    this.#focusLinks = svg('svg', { class: 'focus-links', width, height });
    this.element.replaceChildren(this.#layersHeader(state), links);
    this.element.style.width = `${width}px`;
    this.element.style.height = `${height}px`;
    this.#canvases = columns.map(() => []);
    this.#labels = columns.map(() => []);
    this.#biasDots = columns.map(() => []);

    // Input column: all features, the chosen ones active, each pictured over the grid.
    const active = new Set<FeatureName>(state.features);
    const grid = gridPoints(gridSide);
    // Input unit k is the k-th chosen feature (the order of the network's columns of x).
    const inputLabels = new Map<FeatureName, HTMLElement>();
    featureNames.forEach((name, row) => {
      const on = active.has(name);
      const unit = on ? state.features.indexOf(name) : undefined;
      const node = this.#node(0, row, on ? 'unit input' : 'unit input off', `feature ${name}`, unit);
      node.append(el('span', { class: 'feature-name', 'aria-hidden': 'true' }, name));
      node.setAttribute('aria-pressed', String(on));
      node.addEventListener('click', () => {
        const next = on
          ? state.features.filter((f) => f !== name)
          : featureNames.filter((f) => f === name || active.has(f));
        if (next.length > 0) this.#events.change({ features: next });
      });
      const canvas = node.querySelector('canvas')!;
      paintHeatmap(canvas, Float32Array.from(mapFeatures(grid, [name])), gridSide, 'range');
      if (on) inputLabels.set(name, node.querySelector('.value') as HTMLElement);
    });
    this.#labels[0] = state.features.map((name) => inputLabels.get(name)!);
    // Hidden and output columns, each with a header editing it.
    for (let c = 1; c < columns.length; c++) {
      for (let unit = 0; unit < columns[c]!; unit++) {
        const output = c === columns.length - 1;
        const node = this.#node(
          c,
          unit,
          output ? 'unit output' : 'unit',
          output ? 'output unit' : `layer ${c + 1} unit ${unit + 1}`,
        );
        node.addEventListener('click', () => this.#events.focus(c, unit));
        for (const enter of ['mouseenter', 'focus'])
          node.addEventListener(enter, () => this.#showZoom(c, unit, node));
        for (const leave of ['mouseleave', 'blur'])
          node.addEventListener(leave, () => {
            this.#zoom.hidden = true;
          });
        const dot = el('span', { class: 'bias-dot', title: 'bias' });
        node.append(dot);
        this.#biasDots[c]!.push(dot);
        this.#canvases[c]!.push(node.querySelector('canvas')!);
        this.#labels[c]!.push(node.querySelector('.value') as HTMLElement);
      }
      if (c < columns.length - 1) this.element.append(this.#layerHeader(state, c - 1));
    }
    // Bias units a0 = 1 above every column but the output's (shown in step-through).
    for (let c = 0; c < columns.length - 1; c++) {
      const bias = el('div', { class: 'unit bias', title: 'bias unit a₀ = 1' }, '+1');
      Object.assign(bias.style, { left: `${LEFT + c * COLUMN}px`, top: `${HEADER}px` });
      this.element.append(bias);
    }
    // Links of Θ(l): index [l][j][k], k = 0 the bias weight.
    this.#links = columns.slice(0, -1).map((_, l) =>
      Array.from({ length: columns[l + 1]! }, (_, j) =>
        Array.from({ length: columns[l]! + 1 }, (_, k) => {
          const from =
            k === 0 ? { x: LEFT + l * COLUMN, y: HEADER } : this.#position(l, this.#inputRow(l, k - 1));
          const to = this.#position(l + 1, j);
          const [x1, y1, x2, y2] = [from.x + NODE, from.y + NODE / 2, to.x, to.y + NODE / 2];
          const mid = (x1 + x2) / 2;
          const path = svg('path', {
            d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`,
            class: k === 0 ? 'link bias-link' : 'link',
          });
          // Made once, its text written when the pointer arrives: a frame touches no tooltips.
          const title = path.appendChild(svg('title'));
          path.addEventListener('mouseenter', () => {
            const weight = Number(path.dataset['weight']);
            title.textContent = `Θ${j + 1},${k}(${l + 1}) = ${formatNumber(weight)} (click to edit)`;
          });
          path.addEventListener('click', (event) => this.#edit(l + 1, j, k, event));
          links.append(path);
          return path;
        }),
      ),
    );
  }

  /** Paints every unit's heatmap and every link's weight. */
  update(snapshot: PlaygroundSnapshot): void {
    this.updateUnits(snapshot);
    this.updateLinks(snapshot);
  }

  /** Paints every unit's heatmap (the page may draw this and the links in separate frames). */
  updateUnits(snapshot: PlaygroundSnapshot): void {
    for (const [l, layer] of snapshot.unitMaps.entries()) {
      const output = l === snapshot.unitMaps.length - 1;
      for (const [j, values] of layer.entries()) {
        const canvas = this.#canvases[l + 1]?.[j];
        if (canvas) paintHeatmap(canvas, values, snapshot.unitResolution, output ? 'probability' : 'range');
      }
    }
    this.#last = snapshot;
  }

  /** Draws every link by its weight and every bias marker by its bias. */
  updateLinks(snapshot: PlaygroundSnapshot): void {
    for (const [l, theta] of snapshot.thetas.entries()) {
      for (const [j, row] of theta.entries()) {
        for (const [k, weight] of row.entries()) {
          const path = this.#links[l]?.[j]?.[k];
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
        const dot = this.#biasDots[l + 1]?.[j];
        if (dot) {
          dot.style.background = weightColor(row[0]!);
          dot.title = `bias Θ${j + 1},0(${l + 1}) = ${formatNumber(row[0]!)}`;
          dot.dataset['value'] = String(row[0]);
        }
      }
    }
  }

  /**
   * Lights up where training first produced a NaN or Infinity: the unit of z, a or δ(l), the
   * weight of Θ(l) or D(l), the input, or the output for the cost. Undefined clears it.
   */
  markDivergence(origin: NonFiniteOrigin | undefined): void {
    for (const node of this.element.querySelectorAll('.diverged')) node.classList.remove('diverged');
    this.element.querySelector('.nan-badge')?.remove();
    if (!origin) return;
    const last = this.#labels.length - 1;
    const { quantity, layer, row, column } = origin;
    let target: Element | undefined;
    if (quantity === 'theta' || quantity === 'gradient') {
      target = this.#links[layer! - 1]?.[row!]?.[column!];
      target?.parentElement?.append(target);
    } else if (quantity === 'x') {
      target = this.#labels[0]?.[column!]?.parentElement ?? undefined;
    } else if (quantity === 'cost' || quantity === 'y') {
      target = this.#labels[last]?.[0]?.parentElement ?? undefined;
    } else {
      target = this.#labels[layer! - 1]?.[column!]?.parentElement ?? undefined;
    }
    if (!target) return;
    target.classList.add('diverged');
    if (target instanceof HTMLElement) {
      target.append(
        el('span', { class: 'nan-badge', id: 'nan-origin', 'data-quantity': quantity }, 'first NaN'),
      );
    }
    // The whole layer is marked too, so the place is visible at a glance.
    const column0 =
      quantity === 'theta' || quantity === 'gradient'
        ? layer!
        : quantity === 'x'
          ? 0
          : quantity === 'cost' || quantity === 'y'
            ? last
            : layer! - 1;
    for (const label of this.#labels[column0] ?? []) label.parentElement?.classList.add('diverged-layer');
  }

  /** Points at one weight (a gradient-check entry): its link drawn thick and outlined. */
  pointAt(entry: Pick<GradientEntry, 'layer' | 'row' | 'column'> | undefined): void {
    for (const path of this.element.querySelectorAll('.links path.pointed')) path.classList.remove('pointed');
    this.element.classList.toggle('pointing', entry !== undefined);
    if (!entry) return;
    const path = this.#links[entry.layer - 1]?.[entry.row]?.[entry.column];
    if (!path) return;
    path.classList.add('pointed');
    path.dispatchEvent(new Event('mouseenter'));
    path.parentElement?.append(path);
  }

  #showZoom(column: number, unit: number, node: HTMLElement): void {
    const values = this.#last?.unitMaps[column - 1]?.[unit];
    if (!values || this.element.classList.contains('tracing')) return;
    const output = column === this.#labels.length - 1;
    if (output) paintHeatmap(this.#zoom, this.#last!.output, this.#last!.resolution, 'probability');
    else paintHeatmap(this.#zoom, values, this.#last!.unitResolution, 'range');
    Object.assign(this.#zoom.style, {
      left: `${Math.max(0, node.offsetLeft - ZOOM - 12)}px`,
      top: `${Math.max(0, node.offsetTop - ZOOM / 2)}px`,
    });
    this.#zoom.hidden = false;
    this.element.append(this.#zoom);
  }

  /** A small form at the clicked link to type Θ(layer)[row][column]. */
  #edit(layer: number, row: number, column: number, event: MouseEvent): void {
    const path = this.#links[layer - 1]?.[row]?.[column];
    const current = Number(path?.dataset['weight'] ?? 0);
    const input = el('input', {
      type: 'number',
      step: 'any',
      id: 'weight-value',
      value: String(current),
      'aria-label': `Θ(${layer}) row ${row + 1}, column ${column}`,
    });
    const close = () => {
      this.#editor.hidden = true;
    };
    this.#editor.replaceChildren(
      el('label', { for: 'weight-value' }, `Θ${row + 1},${column}(${layer})${column === 0 ? ' bias' : ''} =`),
      input,
      el('button', { type: 'submit' }, 'Set'),
    );
    this.#editor.onsubmit = (submit) => {
      submit.preventDefault();
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value)) {
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      close();
      this.#events.setWeight(layer, row, column, value);
    };
    input.addEventListener('keydown', (key) => {
      if (key.key === 'Escape') close();
    });
    const box = this.element.getBoundingClientRect();
    Object.assign(this.#editor.style, {
      left: `${event.clientX - box.left}px`,
      top: `${event.clientY - box.top}px`,
    });
    this.#editor.hidden = false;
    this.element.append(this.#editor);
    input.focus();
    input.select();
  }

  /** Shows (or, with undefined, clears) the step-through's numbers and lit links. */
  overlay(overlay: DiagramOverlay | undefined): void {
    this.element.classList.toggle('tracing', overlay !== undefined);
    for (const [c, column] of this.#labels.entries()) {
      for (const [unit, label] of column.entries()) {
        const shown = overlay?.labels[c]?.[unit];
        // One span per quantity carries its exact value, for readers and for the e2e tests.
        label.replaceChildren(
          ...(shown?.parts ?? []).map(({ quantity, value }) =>
            el(
              'span',
              { 'data-quantity': quantity, 'data-value': String(value) },
              `${quantity} ${formatNumber(value)}`,
            ),
          ),
        );
        label.hidden = !shown;
        label.parentElement!.classList.toggle(
          'focused',
          overlay?.focus?.column === c && overlay.focus.unit === unit,
        );
      }
    }
    for (const [l, layer] of this.#links.entries()) {
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
    const focused = this.element.querySelectorAll('.links path.lit-focus');
    this.#focusLinks.replaceChildren(...Array.from(focused, (path) => path.cloneNode(true)));
    this.element.append(this.#focusLinks);
  }

  /** A unit drawn at `row` of `column`; `unit` is its index in the layer (none for unused features). */
  #node(
    column: number,
    row: number,
    className: string,
    title: string,
    unit: number | undefined = row,
  ): HTMLElement {
    const { x, y } = this.#position(column, row);
    // A button to the keyboard too: Tab reaches it, Enter or Space does what a click does, and
    // the id lets a rebuild of the diagram put the focus back on it.
    const node = el(
      'div',
      {
        class: className,
        title,
        id: `node-${column}-${row}`,
        role: 'button',
        tabindex: 0,
        'aria-label': title,
        'data-column': column,
        'data-unit': unit,
      },
      el('canvas', { width: NODE, height: NODE, 'aria-hidden': 'true' }),
      el('span', { class: 'value', hidden: true }),
    );
    node.addEventListener('keydown', (event) => {
      if (event.target !== node || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      node.click();
    });
    Object.assign(node.style, { left: `${x}px`, top: `${y}px` });
    this.element.append(node);
    return node;
  }

  /** Row on screen of unit k of column l (inputs keep their place in the feature list). */
  #inputRow(column: number, unit: number): number {
    if (column > 0) return unit;
    return featureNames.indexOf(this.#state!.features[unit]!);
  }

  #position(column: number, row: number) {
    return { x: LEFT + column * COLUMN, y: HEADER + ROW + row * ROW };
  }

  #layersHeader(state: PlaygroundState): HTMLElement {
    const count = state.hidden.length;
    const { min, max } = limits.hiddenLayers;
    const add = el(
      'button',
      { class: 'round', id: 'add-layer', title: 'Add a hidden layer', disabled: count >= max },
      '+',
    );
    const remove = el(
      'button',
      { class: 'round', id: 'remove-layer', title: 'Remove the last hidden layer', disabled: count <= min },
      '−',
    );
    add.addEventListener('click', () =>
      this.#events.change({
        hidden: [...state.hidden, 2],
        activations: [...state.activations, state.activations.at(-1) ?? 'sigmoid'],
      }),
    );
    remove.addEventListener('click', () =>
      this.#events.change({ hidden: state.hidden.slice(0, -1), activations: state.activations.slice(0, -1) }),
    );
    return el(
      'div',
      { class: 'layers-header' },
      add,
      remove,
      el('span', { id: 'layer-count' }, `${count} hidden layer${count === 1 ? '' : 's'}`),
    );
  }

  #layerHeader(state: PlaygroundState, layer: number): HTMLElement {
    const units = state.hidden[layer]!;
    const resize = (delta: number) => {
      const hidden = [...state.hidden];
      hidden[layer] = units + delta;
      this.#events.change({ hidden });
    };
    const more = el(
      'button',
      { class: 'round small', title: 'Add a unit', disabled: units >= limits.units.max },
      '+',
    );
    const fewer = el(
      'button',
      { class: 'round small', title: 'Remove a unit', disabled: units <= limits.units.min },
      '−',
    );
    more.addEventListener('click', () => resize(1));
    fewer.addEventListener('click', () => resize(-1));
    const activation = choice(
      '',
      `activation-${layer + 1}`,
      this.#activations,
      state.activations[layer]!,
      (name) => {
        const activations = [...state.activations];
        activations[layer] = name;
        this.#events.change({ activations });
      },
    );
    const header = el(
      'div',
      { class: 'layer-header' },
      el('div', {}, more, fewer),
      el('div', { class: 'units' }, `${units} unit${units === 1 ? '' : 's'}`),
      activation,
    );
    header.style.left = `${LEFT + (layer + 1) * COLUMN - (COLUMN - NODE) / 2}px`;
    return header;
  }
}
