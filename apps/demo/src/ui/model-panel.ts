// The current network as a deltanet model file (docs/model-format.md): shown, and downloadable,
// so a run from the page can be loaded by the library or the CLI; and as ONNX or a TensorFlow.js
// LayersModel, written by @deltanet/interop in the worker (loaded on the first click).
import type { ExportedFile, ExportFormat } from '../worker/export-network';
import { el } from './dom';

/** What the panel asks of the page. */
export interface ModelPanelEvents {
  /** The deltanet model file (JSON). */
  model(): void;
  /** The network in `format`. */
  exportAs(format: ExportFormat): void;
}

const formatNames: Readonly<Record<ExportFormat, string>> = { onnx: 'ONNX', tfjs: 'TF.js' };

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
  /** What the last export did, or why it could not be done. */
  readonly status = el('p', { id: 'export-status', class: 'hint', role: 'status', 'aria-live': 'polite' });
  readonly element: HTMLElement;
  readonly #buttons: Record<ExportFormat, HTMLButtonElement>;

  constructor(events: ModelPanelEvents) {
    const button = el('button', { id: 'model-export' }, 'Export model');
    button.addEventListener('click', () => events.model());
    const exportButton = (format: ExportFormat) => {
      const b = el(
        'button',
        { id: `download-${format}`, 'aria-describedby': 'export-status' },
        `Download ${formatNames[format]}`,
      );
      b.addEventListener('click', () => {
        b.setAttribute('aria-busy', 'true');
        this.status.textContent = `Writing ${formatNames[format]}…`;
        events.exportAs(format);
      });
      return b;
    };
    this.#buttons = { onnx: exportButton('onnx'), tfjs: exportButton('tfjs') };
    this.element = el(
      'section',
      { class: 'panel model', id: 'model-panel' },
      el('h2', {}, 'Model file'),
      el('p', { class: 'hint' }, 'Θ and the spec as JSON, readable by parseNetwork from @deltanet/backprop.'),
      el('div', { class: 'row' }, button, this.link),
      this.text,
      el('p', { class: 'hint' }, 'Or the current network for ONNX Runtime or TensorFlow.js:'),
      el('div', { class: 'row' }, this.#buttons.onnx, this.#buttons.tfjs),
      this.status,
    );
  }

  show(json: string): void {
    this.text.value = json;
    if (this.link.href) URL.revokeObjectURL(this.link.href);
    this.link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    this.link.hidden = false;
  }

  /** Hands each file to the browser as a download. */
  exported(format: ExportFormat, files: readonly ExportedFile[]): void {
    this.#buttons[format].removeAttribute('aria-busy');
    for (const file of files) {
      const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }));
      const anchor = el('a', { href: url, download: file.name, hidden: true });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      // The download has its own copy once started; the URL is not needed after this task.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
    const sizes = files.map((f) => `${f.name} (${f.bytes.length.toLocaleString('en')} bytes)`).join(' and ');
    this.status.textContent = `${formatNames[format]}: downloaded ${sizes}.`;
    this.status.dataset['state'] = 'exported';
  }

  /** Says why this network cannot be written in `format` (the control stays usable for later networks). */
  refused(format: ExportFormat, reason: string): void {
    this.#buttons[format].removeAttribute('aria-busy');
    this.status.textContent = `${formatNames[format]} not available for this network: ${reason}.`;
    this.status.dataset['state'] = 'refused';
  }

  /** A new network: the last export's message no longer applies. */
  clear(): void {
    this.status.textContent = '';
    delete this.status.dataset['state'];
  }
}
