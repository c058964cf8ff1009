// The playground tab: keeps the state (mirrored in the URL), drives the training worker, and
// routes its replies to the views.
import type { PluginRegistry } from '@deltanet/contract';
import { gridSide } from './session/playground-data';
import type { PlaygroundState, PluginChoices } from './state';
import { Controls } from './ui/controls';
import { el } from './ui/dom';
import { GradientPanel } from './ui/gradient-panel';
import { ModelPanel } from './ui/model-panel';
import { NetworkView } from './ui/network-view';
import { OutputView } from './ui/output-view';
import { StepThroughPanel } from './ui/step-through-panel';
import { serializeState } from './url-state';
import type { PlaygroundRequest, StampedReply } from './worker/protocol';

/** The names the registry offers, for every picker and for URL validation. */
export function pluginChoices(registry: PluginRegistry): PluginChoices {
  return {
    activations: registry.names('activation'),
    losses: registry.names('loss'),
    optimizers: registry.names('optimizer'),
    regularizers: registry.names('regularizer'),
  };
}

export class PlaygroundPage {
  readonly element: HTMLElement;
  #state: PlaygroundState;
  readonly #worker: Worker;
  readonly #controls: Controls;
  readonly #network: NetworkView;
  readonly #output = new OutputView();
  readonly #stepThrough: StepThroughPanel;
  readonly #gradients: GradientPanel;
  readonly #model = new ModelPanel(() => this.#post({ type: 'model' }));
  readonly #notice: (message: string | undefined) => void;
  #trainLabels: Int32Array = new Int32Array(0);
  #traced: number | undefined;
  /** Numbers the sessions; replies about an older session (already in flight) are dropped. */
  #generation = 0;

  constructor(state: PlaygroundState, choices: PluginChoices, notice: (message: string | undefined) => void) {
    this.#state = state;
    this.#notice = notice;
    const change = (next: Partial<PlaygroundState>) => this.#change(next);
    this.#controls = new Controls(choices, {
      change,
      play: () => this.#post({ type: 'play' }),
      pause: () => this.#post({ type: 'pause' }),
      step: () => this.#post({ type: 'step' }),
      reset: () => this.#configure(),
    });
    this.#network = new NetworkView(choices.activations, {
      change,
      focus: (_column, unit) => this.#stepThrough.focus(unit),
    });
    this.#stepThrough = new StepThroughPanel({
      trace: (example) => this.#trace(example),
      overlay: (overlay) => this.#network.overlay(overlay),
      highlight: (example) => this.#output.highlight(example),
    });
    this.#gradients = new GradientPanel(() => this.#post({ type: 'gradient-check' }));
    this.#output.onPick = (example) => this.#trace(example);
    this.element = el(
      'div',
      { class: 'playground' },
      this.#controls.toolbar,
      el(
        'div',
        { class: 'main' },
        this.#controls.data,
        el('div', { class: 'network-scroll' }, this.#network.element),
        this.#output.element,
      ),
      el('div', { class: 'panels' }, this.#stepThrough.element, this.#gradients.element, this.#model.element),
    );
    this.#worker = new Worker(new URL('./worker/playground.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<StampedReply>) => {
      if (event.data.generation === this.#generation) this.#receive(event.data);
    };
    this.#configure();
  }

  #post(request: PlaygroundRequest): void {
    this.#worker.postMessage(request);
  }

  #change(next: Partial<PlaygroundState>): void {
    this.#state = { ...this.#state, ...next };
    // replaceState keeps one history entry per page visit; the link always holds the state.
    history.replaceState(null, '', `?${serializeState(this.#state)}${location.hash}`);
    this.#configure();
  }

  /** A fresh network and data from the state: every change restarts at epoch 0, so a link reproduces a run. */
  #configure(): void {
    this.#notice(undefined);
    this.#stepThrough.clear();
    this.#traced = undefined;
    this.#controls.render(this.#state);
    this.#controls.setPlaying(false);
    this.#controls.setEpoch(0);
    this.#network.build(this.#state, gridSide);
    this.#generation++;
    this.#post({ type: 'configure', state: this.#state, generation: this.#generation });
  }

  #trace(example: number): void {
    this.#post({ type: 'pause' });
    this.#controls.setPlaying(false);
    this.#post({ type: 'trace', example });
  }

  #receive(reply: StampedReply): void {
    switch (reply.type) {
      case 'configured':
        this.#trainLabels = reply.train.labels;
        this.#output.reset(reply.train, reply.test);
        return;
      case 'snapshot':
        this.#controls.setEpoch(reply.snapshot.epoch);
        this.#controls.setPlaying(reply.playing);
        this.#network.update(reply.snapshot);
        this.#output.update(reply.snapshot);
        // Θ moved: a shown trace no longer describes this network, so trace it again.
        if (this.#stepThrough.active && this.#traced !== undefined)
          this.#post({ type: 'trace', example: this.#traced });
        return;
      case 'trace': {
        const fresh = this.#traced !== reply.example || !this.#stepThrough.active;
        this.#traced = reply.example;
        const names = {
          activations: [...this.#state.activations, this.#state.outputActivation],
          regularizer: this.#state.regularizer,
        };
        if (fresh)
          this.#stepThrough.show(reply.example, reply.trace, [this.#trainLabels[reply.example]!], names);
        else this.#stepThrough.refresh(reply.trace);
        return;
      }
      case 'gradient-check':
        this.#gradients.show(reply.report);
        return;
      case 'model':
        this.#model.show(reply.json);
        return;
      case 'error':
        this.#controls.setPlaying(false);
        this.#notice(reply.message);
        return;
    }
  }
}
