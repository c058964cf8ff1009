// The controls above the diagram: add or remove a hidden layer, batch-norm and dropout after the
// hidden layers, and for each hidden layer its unit count (+/−) and activation.
import type { PlaygroundState } from '../state';
import { dropoutRates, limits } from '../state';
import { choice, el } from './dom';
import type { Layout } from './network-layout';
import { LEFT, NODE } from './network-layout';

/** "+ − n hidden layers", then the layers after each hidden layer: batch norm and dropout. */
export function layersHeader(
  state: PlaygroundState,
  change: (next: Partial<PlaygroundState>) => void,
): HTMLElement {
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
    change({
      hidden: [...state.hidden, 2],
      activations: [...state.activations, state.activations.at(-1) ?? 'sigmoid'],
    }),
  );
  remove.addEventListener('click', () =>
    change({ hidden: state.hidden.slice(0, -1), activations: state.activations.slice(0, -1) }),
  );
  return el(
    'div',
    { class: 'layers-header' },
    add,
    remove,
    el('span', { id: 'layer-count' }, `${count} hidden layer${count === 1 ? '' : 's'}`),
    ...afterHidden(state, change),
  );
}

/**
 * Batch norm (on or off) and dropout (a rate, 0 for none) after every hidden layer, in that order:
 * each becomes a layer of the network's stack (`playgroundSpec`).
 */
function afterHidden(
  state: PlaygroundState,
  change: (next: Partial<PlaygroundState>) => void,
): HTMLElement[] {
  const batchNorm = el('input', {
    type: 'checkbox',
    id: 'batch-norm',
    checked: state.batchNorm,
    title: 'Batch normalization after every hidden layer: γ·(a − μ)/√(σ² + ε) + β, μ and σ² of the minibatch',
  });
  batchNorm.addEventListener('change', () => change({ batchNorm: batchNorm.checked }));
  // A link may carry a rate the menu does not list; it is offered as it is.
  const rates = [...new Set([...dropoutRates, state.dropout])].sort((a, b) => a - b).map(String);
  const dropout = choice(
    'Dropout',
    'dropout',
    rates,
    String(state.dropout),
    (rate) => change({ dropout: Number(rate) }),
    undefined,
    (rate) => (rate === '0' ? 'off' : rate),
  );
  dropout.title = 'Dropout after every hidden layer: in training each unit is zeroed with this probability';
  return [el('label', { class: 'check after-hidden', for: 'batch-norm' }, batchNorm, ' Batch norm'), dropout];
}

/** Hidden layer `layer` (0-based): its unit count with +/− and its activation picker. */
export function layerHeader(
  state: PlaygroundState,
  layer: number,
  layout: Layout,
  activations: readonly string[],
  change: (next: Partial<PlaygroundState>) => void,
): HTMLElement {
  const units = state.hidden[layer]!;
  const resize = (delta: number) => {
    const hidden = [...state.hidden];
    hidden[layer] = units + delta;
    change({ hidden });
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
  const activation = choice('', `activation-${layer + 1}`, activations, state.activations[layer]!, (name) => {
    const next = [...state.activations];
    next[layer] = name;
    change({ activations: next });
  });
  // What follows the layer's a(l) in the stack, so the diagram says the layers are there.
  const after = [state.batchNorm && 'batch norm', state.dropout > 0 && `dropout ${state.dropout}`].filter(
    Boolean,
  );
  const header = el(
    'div',
    { class: 'layer-header' },
    el('div', {}, more, fewer),
    el('div', { class: 'units' }, `${units} unit${units === 1 ? '' : 's'}`),
    activation,
    after.length > 0 && el('div', { class: 'after-layers' }, `then ${after.join(', ')}`),
  );
  header.style.left = `${LEFT + (layer + 1) * layout.column - (layout.column - NODE) / 2}px`;
  return header;
}
