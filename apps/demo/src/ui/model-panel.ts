// The current network as a deltanet model file (docs/model-format.md): shown, and downloadable,
// so a run from the page can be loaded by the library or the CLI.
import { el } from './dom';

export class ModelPanel {
  readonly text = el('textarea', {
    id: 'model-json',
    readOnly: true,
    rows: 6,
    spellcheck: false,
    'aria-label': 'Model file (JSON)',
  });
  readonly link = el(
    'a',
    { id: 'model-download', download: 'playground-model.json', hidden: true },
    'Download',
  );
  readonly element: HTMLElement;

  constructor(request: () => void) {
    const button = el('button', { id: 'model-export' }, 'Export model');
    button.addEventListener('click', request);
    this.element = el(
      'section',
      { class: 'panel model', id: 'model-panel' },
      el('h2', {}, 'Model file'),
      el('p', { class: 'hint' }, 'Θ and the spec as JSON, readable by parseNetwork from @deltanet/backprop.'),
      el('div', { class: 'row' }, button, this.link),
      this.text,
    );
  }

  show(json: string): void {
    this.text.value = json;
    if (this.link.href) URL.revokeObjectURL(this.link.href);
    this.link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    this.link.hidden = false;
  }
}
