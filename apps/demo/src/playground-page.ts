// The playground tab: keeps the state (mirrored in the URL), drives the training worker, and
// routes its replies to the views. The page shows only what the worker confirmed (playing or
// not, the epoch), draws at most one snapshot per display frame and acknowledges it, so the
// worker never sends faster than the page can draw.
import type { PluginRegistry } from '@deltanet/contract';
import { compatible } from './combinations';
import type { DivergenceReport } from './session/divergence-report';
import { gridSide } from './session/playground-data';
import type { PlaygroundSnapshot } from './session/playground-session';
import type { PlaygroundState, PluginChoices } from './state';
import { noRegularizer, onlyTuning, problemDefaults } from './state';
import { Controls } from './ui/controls';
import { el } from './ui/dom';
import { GradientPanel } from './ui/gradient-panel';
import { ModelPanel } from './ui/model-panel';
import { NetworkView } from './ui/network-view';
import { OutputView } from './ui/output-view';
import { StepThroughPanel } from './ui/step-through-panel';
import { serializeState } from './url-state';
import type { PlaygroundRequest, StampedReply } from './worker/protocol';

/** The names the registry offers, for every picker and for URL validation ("none" added). */
export function pluginChoices(registry: PluginRegistry): PluginChoices {
  return {
    activations: registry.names('activation'),
    losses: registry.names('loss'),
    optimizers: registry.names('optimizer'),
    lineSearchOptimizers: registry
      .list('optimizer')
      .filter((optimizer) => optimizer.mode === 'full-batch')
      .map((optimizer) => optimizer.name),
    regularizers: [noRegularizer, ...registry.names('regularizer')],
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
  readonly #model = new ModelPanel({
    model: () => this.#post({ type: 'model' }),
    exportAs: (format) => this.#post({ type: 'export', format }),
  });
  readonly #notice: (message: string | undefined) => void;
  readonly #backend = el('p', { id: 'backend', class: 'hint' });
  /** y of every training point (its class, or its regression target), for the step-through. */
  #trainTargets: Float64Array = new Float64Array(0);
  #traced: { example: number; count: number } | undefined;
  /** Numbers the sessions; replies about an older session (already in flight) are dropped. */
  #generation = 0;
  /** The newest snapshot not yet drawn, and whether a frame is already booked to draw it. */
  #pending: PlaygroundSnapshot | undefined;
  #frameBooked = false;
  #shownEpoch = -1;
  /** α of the next update as last drawn (a schedule's α(t)); null for full-batch methods. */
  #shownRate: number | null = null;
  /** The epoch of the worker's last status: a snapshot drawn late never shows an older count. */
  #confirmedEpoch = 0;
  /** The epoch the shown gradient check was run at; any change clears it. */
  #checkedEpoch: number | undefined;

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
      setWeight: (layer, row, column, value) => {
        this.#clearResults();
        this.#post({ type: 'set-weight', layer, row, column, value });
      },
    });
    this.#stepThrough = new StepThroughPanel({
      trace: (example, count) => this.#trace(example, count),
      overlay: (overlay) => this.#network.overlay(overlay),
      highlight: (example) => this.#output.highlight(example),
    });
    this.#gradients = new GradientPanel({
      check: () => {
        // Paused first, so the verdict describes the Θ on screen until something changes it.
        this.#post({ type: 'pause' });
        this.#post({ type: 'gradient-check' });
      },
      point: (entry) => this.#network.pointAt(entry),
    });
    this.#output.onPick = (example) => this.#trace(example, this.#stepThrough.batchSize);
    this.#output.onToggle = (next) => this.#change(next);
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
      this.#backend,
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

  /**
   * A change from a control: settings of training alone go to the running session (Θ kept);
   * anything else builds a new network. Output and loss are kept compatible, saying why.
   */
  #change(next: Partial<PlaygroundState>): void {
    const before = this.#state;
    // A new problem type brings its own dataset, output and loss.
    const problem =
      next.problem !== undefined && next.problem !== before.problem ? problemDefaults(next.problem) : {};
    let after = { ...before, ...problem, ...next };
    const pair = compatible(after.outputActivation, after.loss, after.problem);
    after = { ...after, outputActivation: pair.output, loss: pair.loss };
    this.#state = after;
    // replaceState keeps one history entry per page visit; the link always holds the state.
    history.replaceState(null, '', `?${serializeState(after)}${location.hash}`);
    const advice = pair.problems.length > 0 ? `Changed: ${pair.problems.join('; ')}.` : undefined;
    if (!onlyTuning(before, after)) {
      this.#configure();
      this.#controls.advise(advice);
      return;
    }
    this.#controls.render(after);
    this.#controls.advise(advice);
    this.#output.setToggles(after.showTest, after.discretize);
    // The two display toggles change nothing in training.
    const display = { showTest: before.showTest, discretize: before.discretize };
    if (serializeState({ ...after, ...display }) === serializeState(before)) return;
    this.#clearResults();
    this.#post({ type: 'tune', state: after });
  }

  /** A fresh network and data from the state: the run restarts at epoch 0, so a link reproduces it. */
  #configure(): void {
    this.#notice(undefined);
    this.#model.clear();
    this.#clearResults();
    this.#controls.render(this.#state);
    this.#controls.setPlaying(false);
    this.#controls.setEpoch(0);
    this.#output.setToggles(this.#state.showTest, this.#state.discretize);
    this.#network.build(this.#state, gridSide);
    this.#pending = undefined;
    this.#frameBooked = false;
    this.#shownEpoch = -1;
    this.#confirmedEpoch = 0;
    this.#generation++;
    this.#post({ type: 'configure', state: this.#state, generation: this.#generation });
  }

  /** Θ is about to change outside training: the trace and the gradient check no longer hold. */
  #clearResults(): void {
    this.#stepThrough.clear();
    this.#traced = undefined;
    this.#gradients.clear();
    this.#checkedEpoch = undefined;
    this.#network.markDivergence(undefined);
  }

  #trace(example: number, count: number): void {
    this.#post({ type: 'pause' });
    this.#post({ type: 'trace', example, count });
  }

  /**
   * Draws the newest snapshot over the next display frames, a part per frame (numbers and the
   * output; the units' pictures; the links), so no frame carries the whole redraw of a large
   * network; then lets the worker send the next one.
   */
  #draw(): void {
    const snapshot = this.#pending;
    if (!snapshot) {
      this.#frameBooked = false;
      return;
    }
    this.#pending = undefined;
    const parts = [
      () => {
        const moved = snapshot.epoch !== this.#shownEpoch;
        this.#shownEpoch = snapshot.epoch;
        this.#controls.setEpoch(Math.max(snapshot.epoch, this.#confirmedEpoch));
        this.#shownRate = snapshot.learningRate;
        this.#controls.setRate(snapshot.learningRate);
        this.#output.update(snapshot);
        if (moved && this.#checkedEpoch !== undefined && this.#checkedEpoch !== snapshot.epoch) {
          this.#gradients.clear();
          this.#checkedEpoch = undefined;
        }
        // Θ moved: a shown trace no longer describes this network, so trace it again.
        if (this.#stepThrough.active && this.#traced !== undefined)
          this.#post({ type: 'trace', ...this.#traced });
      },
      () => this.#network.updateUnits(snapshot),
      () => this.#network.updateLinks(snapshot),
    ];
    const generation = this.#generation;
    const next = (index: number) => {
      // A new session began mid-way: its own first snapshot takes over.
      if (generation !== this.#generation) return;
      parts[index]!();
      if (index + 1 < parts.length) {
        requestAnimationFrame(() => next(index + 1));
        return;
      }
      this.#post({ type: 'ack' });
      this.#frameBooked = false;
      if (this.#pending) {
        this.#frameBooked = true;
        requestAnimationFrame(() => this.#draw());
      }
    };
    next(0);
  }

  #showDivergence(report: DivergenceReport): void {
    this.#notice(`${report.message} Lower the learning rate (or reset) and press play again.`);
    this.#network.markDivergence(report.origin);
  }

  #receive(reply: StampedReply): void {
    switch (reply.type) {
      case 'configured':
        this.#trainTargets = reply.train.targets;
        this.#output.reset(reply.train, reply.test, this.#state.problem);
        this.#backend.textContent =
          `Computed by deltanet's ${reply.backend.name} backend (${reply.backend.description}) on ` +
          `${reply.backend.threads} thread${reply.backend.threads === 1 ? '' : 's'} in a Web Worker; the page only draws.`;
        return;
      case 'snapshot':
        this.#pending = reply.snapshot;
        if (!this.#frameBooked) {
          this.#frameBooked = true;
          requestAnimationFrame(() => this.#draw());
        }
        return;
      case 'status':
        this.#confirmedEpoch = reply.epoch;
        this.#controls.setEpoch(Math.max(reply.epoch, this.#shownEpoch));
        this.#controls.setPlaying(reply.playing);
        if (reply.playing) this.#network.markDivergence(undefined);
        return;
      case 'diverged':
        this.#showDivergence(reply.report);
        return;
      case 'trace': {
        const before = this.#traced;
        const fresh =
          before?.example !== reply.example || before.count !== reply.count || !this.#stepThrough.active;
        this.#traced = { example: reply.example, count: reply.count };
        const names = {
          activations: [...this.#state.activations, this.#state.outputActivation],
          regularizer: this.#state.regularizer,
          loss: this.#state.loss,
          // Under a schedule the update about to happen uses α(t), the rate shown by the epoch.
          learningRate: this.#shownRate ?? this.#state.learningRate,
          optimizer: this.#state.optimizer,
          dropout: this.#state.dropout,
        };
        if (fresh)
          this.#stepThrough.show(reply.example, reply.trace, [this.#trainTargets[reply.example]!], names);
        else this.#stepThrough.refresh(reply.trace);
        return;
      }
      case 'gradient-check':
        this.#checkedEpoch = reply.epoch;
        this.#gradients.show(reply.report);
        return;
      case 'model':
        this.#model.show(reply.json);
        return;
      case 'exported':
        this.#model.exported(reply.format, reply.files);
        return;
      case 'export-refused':
        this.#model.refused(reply.format, reply.reason);
        return;
      case 'error':
        this.#notice(reply.message);
        return;
    }
  }
}
