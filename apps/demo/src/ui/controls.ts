// The toolbar (play, pause, step, reset, epoch and current α; problem type, optimizer, learning rate,
// its schedule and horizon, λ, regularizer, loss, output activation, batch size) and the data column (set, split, noise, regenerate).
import { lossProblem, outputProblem } from '../combinations';
import type { ScheduleName } from '../schedule';
import { scheduleDescriptions, scheduleNames } from '../schedule';
import type { PlaygroundState, PluginChoices, Problem, Speed } from '../state';
import { limits, noRegularizer, problems, speeds, spiralPreset } from '../state';
import { datasetNames } from '../url-state';
import { choice, el, keepingFocus, numberField, slider } from './dom';

/** What the controls ask the page to do. */
export interface ControlEvents {
  change(next: Partial<PlaygroundState>): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

export class Controls {
  readonly toolbar = el('div', { class: 'toolbar' });
  readonly data = el('div', { class: 'data' });
  readonly epoch = el('span', { id: 'epoch' }, '000,000');
  /** α for the next update, so a schedule can be watched working. */
  readonly rate = el('span', { id: 'current-rate', title: 'Learning rate for the next update' }, '');
  readonly playButton = el('button', { id: 'play', class: 'play', title: 'Play', 'aria-label': 'Play' }, '▶');
  /** Why the page changed a choice the user made (an output/loss pair that does not fit). */
  readonly advice = el('p', { id: 'advice', class: 'advice', role: 'status', 'aria-live': 'polite' });
  #playing = false;
  readonly #choices: PluginChoices;
  readonly #events: ControlEvents;

  constructor(choices: PluginChoices, events: ControlEvents) {
    this.#choices = choices;
    this.#events = events;
    // The button asks; only the worker's confirmation (setPlaying) changes what it shows.
    this.playButton.addEventListener('click', () => {
      this.playButton.setAttribute('aria-busy', 'true');
      if (this.#playing) events.pause();
      else events.play();
    });
  }

  /** Shows (or clears) why a choice was changed. */
  advise(message: string | undefined): void {
    this.advice.textContent = message ?? '';
    this.advice.hidden = message === undefined;
  }

  /** Rebuilds the fields from `state`. */
  render(state: PlaygroundState): void {
    keepingFocus(() => this.#render(state));
  }

  #render(state: PlaygroundState): void {
    const change = this.#events.change;
    const c = this.#choices;
    const reset = el('button', { id: 'reset', class: 'round', title: 'Reset the network' }, '⟲');
    const step = el('button', { id: 'step', class: 'step', title: 'Train one epoch' }, 'Step');
    reset.addEventListener('click', () => this.#events.reset());
    step.addEventListener('click', () => this.#events.step());
    this.toolbar.replaceChildren(
      el('div', { class: 'transport' }, reset, this.playButton, step),
      el('div', { class: 'field epoch' }, el('span', {}, 'Epoch'), this.epoch, this.rate),
      choice('Problem type', 'problem', problems, state.problem, (problem) =>
        change({ problem: problem as Problem }),
      ),
      choice('Optimizer', 'optimizer', c.optimizers, state.optimizer, (optimizer) => change({ optimizer })),
      choice(
        'Speed',
        'speed',
        speeds.map(String),
        String(state.speed),
        (speed) => change({ speed: Number(speed) as Speed }),
        undefined,
        (speed) => (speed === '0' ? 'as fast as possible' : `${speed} epochs/s`),
      ),
      numberField(
        'Learning rate',
        'learning-rate',
        state.learningRate,
        { ...limits.learningRate, step: 'any' },
        (learningRate) => change({ learningRate }),
      ),
      this.#scheduleChoice(state),
      numberField(
        'Over epochs',
        'schedule-epochs',
        state.scheduleEpochs,
        { ...limits.scheduleEpochs, step: 1 },
        (scheduleEpochs) => change({ scheduleEpochs }),
        state.schedule === 'none' || this.#searchesItsStep(state),
      ),
      choice('Regularization', 'regularizer', c.regularizers, state.regularizer, (regularizer) =>
        change({ regularizer }),
      ),
      numberField(
        'λ',
        'lambda',
        state.lambda,
        { ...limits.lambda, step: 'any' },
        (lambda) => change({ lambda }),
        state.regularizer === noRegularizer,
      ),
      choice(
        'Loss',
        'loss',
        c.losses,
        state.loss,
        (loss) => change({ loss }),
        (loss) => lossProblem(loss, state.outputActivation, state.problem),
      ),
      choice(
        'Output activation',
        'output-activation',
        c.activations,
        state.outputActivation,
        (outputActivation) => change({ outputActivation }),
        (output) => outputProblem(output, state.problem),
      ),
      numberField(
        'Batch size',
        'batch-size',
        state.batchSize,
        { ...limits.batchSize, step: 1 },
        (batchSize) => change({ batchSize }),
      ),
      numberField('Seed', 'seed', state.seed, { min: 0, max: 2 ** 31 - 1, step: 1 }, (seed) =>
        change({ seed }),
      ),
    );

    this.toolbar.append(this.advice);

    const sets = datasetNames(state.problem).map((name) => {
      const button = el(
        'button',
        { class: name === state.dataset ? 'dataset selected' : 'dataset', 'data-dataset': name },
        name,
      );
      button.addEventListener('click', () => change({ dataset: name as PlaygroundState['dataset'] }));
      return button;
    });
    const regenerate = el('button', { id: 'regenerate' }, 'Regenerate');
    regenerate.addEventListener('click', () => change({ dataSeed: (state.dataSeed + 1) % 2 ** 31 }));
    const preset = el('button', { id: 'spiral-preset', title: spiralPreset.description }, 'Spiral preset');
    preset.addEventListener('click', () => change(spiralPreset.state));
    this.data.replaceChildren(
      el('h2', {}, 'Data'),
      el('div', { class: 'datasets' }, ...sets),
      slider(
        'Ratio of training to test data',
        'train-ratio',
        state.trainPercent,
        { ...limits.trainPercent, step: 10 },
        (v) => `${v}%`,
        (trainPercent) => change({ trainPercent }),
      ),
      slider(
        'Noise',
        'noise',
        state.noise,
        { ...limits.noise, step: 5 },
        (v) => `${v}`,
        (noise) => change({ noise }),
      ),
      el('div', { class: 'row' }, regenerate, preset),
      el('p', { class: 'hint' }, spiralPreset.description),
      el('h2', {}, 'Features'),
      el('p', { class: 'hint' }, 'Click a feature in the diagram to use it or not.'),
    );
  }

  /** Shows the worker's confirmed state: ❚❚ (pause) while it trains, ▶ (play) when it does not. */
  setPlaying(playing: boolean): void {
    this.#playing = playing;
    this.playButton.textContent = playing ? '❚❚' : '▶';
    this.playButton.title = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    this.playButton.dataset['playing'] = String(playing);
    this.playButton.removeAttribute('aria-busy');
    this.playButton.classList.toggle('playing', playing);
  }

  /** The schedule menu; its tooltip says what the chosen one does over the horizon H. */
  #scheduleChoice(state: PlaygroundState): HTMLLabelElement {
    const field = choice(
      'Schedule',
      'schedule',
      scheduleNames,
      state.schedule,
      (schedule) => this.#events.change({ schedule: schedule as ScheduleName }),
      undefined,
      (name) => (name === 'none' ? 'constant' : name),
    );
    field.title = `${scheduleDescriptions[state.schedule]} (H: "Over epochs")`;
    if (this.#searchesItsStep(state)) {
      // CG and L-BFGS find α by a line search each iteration: a schedule would have nothing to set.
      field.querySelector('select')!.disabled = true;
      field.title = `${state.optimizer} finds its own step by a line search: no schedule applies`;
    }
    return field;
  }

  /** Whether the chosen optimizer searches its own step (CG, L-BFGS), so no schedule applies. */
  #searchesItsStep(state: PlaygroundState): boolean {
    return this.#choices.lineSearchOptimizers.includes(state.optimizer);
  }

  /** Shows α for the next update (null: a full-batch method, which finds its own step). */
  setRate(rate: number | null): void {
    this.rate.textContent = rate === null ? 'α by line search' : `α ${rate.toPrecision(3)}`;
    this.rate.dataset['rate'] = String(rate);
  }

  setEpoch(epoch: number): void {
    this.epoch.textContent = epoch
      .toString()
      .padStart(6, '0')
      .replace(/(\d{3})$/, ',$1');
    this.epoch.dataset['epoch'] = String(epoch);
  }
}
