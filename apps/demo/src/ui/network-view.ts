// The network diagram: feature nodes, hidden layers edited in place (units, activation), the
// output unit; a small heatmap in every unit and links drawn by weight sign and magnitude. In
// step-through mode it also shows the bias units, numbers under units and the links carrying δ,
// in a roomier layout (network-layout.ts) where no number sits on a link or on another number.
import type { GradientEntry, NonFiniteOrigin } from '@deltanet/backprop';
import type { FeatureName } from '../features';
import { featureLabels, featureNames, mapFeatures } from '../features';
import { formatNumber } from '../format';
import { gridPoints } from '../session/playground-data';
import type { PlaygroundSnapshot } from '../session/playground-session';
import type { PlaygroundState } from '../state';
import { weightColor } from './colors';
import { el, keepingFocus } from './dom';
import { paintHeatmap } from './heatmap';
import { layerHeader, layersHeader } from './layer-headers';
import type { Layout } from './network-layout';
import { biasPosition, compact, diagramSize, position, tracing } from './network-layout';
import type { LinkLight } from './network-links';
import { NetworkLinks } from './network-links';
import type { UnitLabel } from './unit-labels';
import { writeLabel } from './unit-labels';

export type { UnitLabel } from './unit-labels';

/** What the step-through puts on the diagram. */
export interface DiagramOverlay extends LinkLight {
  /** labels[column][unit]; column 0 is the input layer. */
  readonly labels: (readonly (UnitLabel | undefined)[] | undefined)[];
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
  #gridSide = 0;
  #layout: Layout = compact;
  #canvases: HTMLCanvasElement[][] = [];
  #labels: HTMLElement[][] = [];
  #links: NetworkLinks | undefined;
  /** Each hidden/output unit's bias marker (colour and tooltip follow Θ(l)'s column 0). */
  #biasDots: HTMLElement[][] = [];
  /** The last snapshot drawn: for the enlarged heatmap, and to repaint after a change of layout. */
  #last: PlaygroundSnapshot | undefined;
  readonly #zoom = el('canvas', {
    class: 'unit-zoom',
    width: ZOOM,
    height: ZOOM,
    hidden: true,
    'aria-hidden': 'true',
  });
  readonly #activations: readonly string[];
  readonly #events: NetworkViewEvents;

  constructor(activations: readonly string[], events: NetworkViewEvents) {
    this.#activations = activations;
    this.#events = events;
  }

  /** Lays out the diagram for `state`'s architecture; weights arrive with `update`. */
  build(state: PlaygroundState, gridSide: number): void {
    this.#last = undefined;
    this.#layout = compact;
    keepingFocus(() => this.#build(state, gridSide));
  }

  /** The output is a probability for classes, a number around 0 for regression. */
  get #outputScale() {
    return this.#state?.problem === 'regression' ? 'signed' : 'probability';
  }

  #build(state: PlaygroundState, gridSide: number): void {
    this.#state = state;
    this.#gridSide = gridSide;
    const layout = this.#layout;
    const columns: number[] = [state.features.length, ...state.hidden, 1];
    const size = diagramSize(layout, columns.length, Math.max(featureNames.length, ...state.hidden));
    this.#links = new NetworkLinks(
      layout,
      columns,
      (unit) => featureNames.indexOf(state.features[unit]!),
      size,
      ({ layer, row, column }, value) => this.#events.setWeight(layer, row, column, value),
    );
    this.element.replaceChildren(layersHeader(state, this.#events.change), this.#links.svg);
    this.element.style.width = `${size.width}px`;
    this.element.style.height = `${size.height}px`;
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
      const shown = featureLabels[name];
      const node = this.#node(0, row, on ? 'unit input' : 'unit input off', `feature ${shown}`, unit);
      node.append(el('span', { class: 'feature-name', 'aria-hidden': 'true' }, shown));
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
      if (c < columns.length - 1)
        this.element.append(layerHeader(state, c - 1, layout, this.#activations, this.#events.change));
    }
    // Bias units a0 = 1 above every column but the output's (shown in step-through).
    for (let c = 0; c < columns.length - 1; c++) {
      const bias = el('div', { class: 'unit bias', title: 'bias unit a₀ = 1' }, '+1');
      const { x, y } = biasPosition(layout, c);
      Object.assign(bias.style, { left: `${x}px`, top: `${y}px` });
      this.element.append(bias);
    }
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
        if (canvas)
          paintHeatmap(canvas, values, snapshot.unitResolution, output ? this.#outputScale : 'range');
      }
    }
    this.#last = snapshot;
  }

  /** Draws every link by its weight and every bias marker by its bias. */
  updateLinks(snapshot: PlaygroundSnapshot): void {
    this.#links?.paint(snapshot.thetas);
    for (const [l, theta] of snapshot.thetas.entries()) {
      for (const [j, row] of theta.entries()) {
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
      target = this.#links?.paths[layer! - 1]?.[row!]?.[column!];
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
    const path = this.#links?.paths[entry.layer - 1]?.[entry.row]?.[entry.column];
    if (!path) return;
    path.classList.add('pointed');
    path.dispatchEvent(new Event('mouseenter'));
    path.parentElement?.append(path);
  }

  #showZoom(column: number, unit: number, node: HTMLElement): void {
    const values = this.#last?.unitMaps[column - 1]?.[unit];
    if (!values || this.element.classList.contains('tracing')) return;
    const output = column === this.#labels.length - 1;
    if (output) paintHeatmap(this.#zoom, this.#last!.output, this.#last!.resolution, this.#outputScale);
    else paintHeatmap(this.#zoom, values, this.#last!.unitResolution, 'range');
    Object.assign(this.#zoom.style, {
      left: `${Math.max(0, node.offsetLeft - ZOOM - 12)}px`,
      top: `${Math.max(0, node.offsetTop - ZOOM / 2)}px`,
    });
    this.#zoom.hidden = false;
    this.element.append(this.#zoom);
  }

  /**
   * Shows (or, with undefined, clears) the step-through's numbers and lit links. Entering or
   * leaving the step-through switches layout: the diagram is rebuilt and repainted from the
   * last snapshot, the keyboard focus kept.
   */
  overlay(overlay: DiagramOverlay | undefined): void {
    const layout = overlay ? tracing : compact;
    if (layout !== this.#layout && this.#state) {
      this.#layout = layout;
      const last = this.#last;
      keepingFocus(() => this.#build(this.#state!, this.#gridSide));
      if (last) this.update(last);
    }
    this.element.classList.toggle('tracing', overlay !== undefined);
    for (const [c, column] of this.#labels.entries()) {
      for (const [unit, label] of column.entries()) {
        writeLabel(label, overlay?.labels[c]?.[unit], c, unit);
        label.parentElement!.classList.toggle(
          'focused',
          overlay?.focus?.column === c && overlay.focus.unit === unit,
        );
      }
    }
    this.#links?.light(overlay);
    if (this.#links) this.element.append(this.#links.focusSvg);
  }

  /** A unit drawn at `row` of `column`; `unit` is its index in the layer (none for unused features). */
  #node(
    column: number,
    row: number,
    className: string,
    title: string,
    unit: number | undefined = row,
  ): HTMLElement {
    const { x, y } = position(this.#layout, column, row);
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
      el('canvas', { width: 36, height: 36, 'aria-hidden': 'true' }),
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
}
