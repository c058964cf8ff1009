import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compatible } from './combinations';
import { featureNames } from './features';
import { scheduleNames } from './schedule';
import type { PlaygroundState, PluginChoices } from './state';
import { defaultState, dropoutRates, speeds } from './state';
import { parseState, serializeState } from './url-state';

const choices: PluginChoices = {
  activations: ['linear', 'relu', 'sigmoid', 'tanh'],
  losses: ['cross-entropy', 'mean-squared-error'],
  optimizers: ['adam', 'sgd'],
  lineSearchOptimizers: [],
  regularizers: ['l1', 'l2'],
};

describe('URL state', () => {
  it('reads an empty query as the defaults, without problems', () => {
    expect(parseState('', choices)).toEqual({ state: defaultState, problems: [] });
  });

  it('round-trips any valid state', () => {
    const name = (list: readonly string[]) => fc.constantFrom(...list);
    const state = fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 6 }).chain((hidden) =>
      fc.record<PlaygroundState>({
        problem: fc.constant('classification'),
        dataset: fc.constantFrom('circle', 'xor', 'gauss', 'spiral'),
        noise: fc.integer({ min: 0, max: 50 }),
        trainPercent: fc.integer({ min: 10, max: 90 }),
        dataSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        features: fc.subarray([...featureNames], { minLength: 1 }),
        hidden: fc.constant(hidden),
        activations: fc.array(name(choices.activations), {
          minLength: hidden.length,
          maxLength: hidden.length,
        }),
        batchNorm: fc.boolean(),
        dropout: fc.oneof(fc.constantFrom(...dropoutRates), fc.double({ min: 0, max: 0.9, noNaN: true })),
        outputActivation: name(choices.activations),
        loss: name(choices.losses),
        optimizer: name(choices.optimizers),
        learningRate: fc.double({ min: 1e-5, max: 10, noNaN: true }),
        schedule: fc.constantFrom(...scheduleNames),
        scheduleEpochs: fc.integer({ min: 1, max: 100_000 }),
        lambda: fc.double({ min: 0, max: 10, noNaN: true }),
        regularizer: name(['none', ...choices.regularizers]),
        batchSize: fc.integer({ min: 1, max: 100 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        speed: fc.constantFrom(...speeds),
        showTest: fc.boolean(),
        discretize: fc.boolean(),
      }),
    );
    const regression = state.map(
      (s): PlaygroundState => ({
        ...s,
        problem: 'regression',
        dataset: s.seed % 2 === 0 ? 'plane' : 'multi-gaussian',
        outputActivation: 'linear',
        loss: 'mean-squared-error',
        discretize: false,
      }),
    );
    // Pairs the page refuses are repaired on parsing (tested below), so they do not round-trip.
    const valid = fc
      .oneof(state, regression)
      .filter((s) => compatible(s.outputActivation, s.loss, s.problem).problems.length === 0);
    fc.assert(
      fc.property(valid, (s) => {
        const parsed = parseState(`?${serializeState(s)}`, choices);
        expect(parsed.problems).toEqual([]);
        expect(parsed.state).toEqual(s);
      }),
    );
  });

  it('keeps batch-norm and the dropout rate in the link, and refuses rates outside 0..0.9', () => {
    const query = serializeState({ ...defaultState, batchNorm: true, dropout: 0.2 });
    expect(query).toContain('batchNorm=1&dropout=0.2');
    expect(parseState(query, choices).state).toMatchObject({ batchNorm: true, dropout: 0.2 });
    expect(parseState('dropout=0.95&batchNorm=2', choices)).toEqual({
      state: defaultState,
      problems: [
        'batchNorm: "2" is not 0 or 1; using false',
        'dropout: "0.95" is not a number in 0..0.9; using 0',
      ],
    });
  });

  it('keeps the schedule and its horizon in the link, and refuses unknown ones', () => {
    const cosine: PlaygroundState = { ...defaultState, schedule: 'cosine', scheduleEpochs: 120 };
    const query = serializeState(cosine);
    expect(query).toContain('schedule=cosine&scheduleEpochs=120');
    expect(parseState(query, choices)).toEqual({ state: cosine, problems: [] });
    expect(parseState('schedule=linear&scheduleEpochs=0', choices).problems).toEqual([
      'schedule: "linear" is not one of none, step, exponential, cosine; using none',
      'scheduleEpochs: "0" is not a whole number in 1..100000; using 300',
    ]);
  });

  it('replaces each bad parameter by its default and says why', () => {
    const { state, problems } = parseState(
      'dataset=moons&noise=70&hidden=4,9&activations=relu&loss=hinge&lr=abc&batch=2.5&features=x1,x3&seed=-1&speed=7&showTest=yes',
      choices,
    );
    expect(state).toEqual(defaultState);
    expect(problems).toEqual([
      'dataset: "moons" is not one of circle, gauss, spiral, xor; using circle',
      'hidden: "4,9" must list unit counts in 1..8; using 4,2',
      'activations: "relu" names 1 activations for 2 hidden layers; using tanh,tanh',
      'loss: "hinge" is not one of cross-entropy, mean-squared-error; using cross-entropy',
      'noise: "70" is not a whole number in 0..50; using 0',
      'features: "x3" is not one of x1, x2, x1², x2², x1·x2, sin x1, sin x2; using x1,x2',
      'lr: "abc" is not a number in 0.00001..10; using 0.03',
      'batch: "2.5" is not a whole number in 1..100; using 10',
      'seed: "-1" is not a whole number in 0..2147483647; using 1',
      'speed: "7" is not one of 5, 20, 100, 500, 0 (epochs per second, 0 for as fast as possible); using 20',
      'showTest: "yes" is not 0 or 1; using false',
    ]);
  });

  it('repairs an output and loss that do not fit together, saying why', () => {
    const { state, problems } = parseState('output=linear&loss=cross-entropy', choices);
    expect(state).toMatchObject({ outputActivation: 'linear', loss: 'mean-squared-error' });
    expect(problems).toEqual([
      'loss cross-entropy: cross-entropy needs an output in (0, 1) (sigmoid); linear can leave it, giving a meaningless or negative loss; using mean-squared-error',
    ]);
  });

  it('reads a regression link: its own datasets, a linear output with squared error, no discretize', () => {
    expect(parseState('problem=regression', choices)).toEqual({
      state: {
        ...defaultState,
        problem: 'regression',
        dataset: 'plane',
        outputActivation: 'linear',
        loss: 'mean-squared-error',
      },
      problems: [],
    });
    const { state, problems } = parseState(
      'problem=regression&dataset=circle&output=sigmoid&loss=cross-entropy&discretize=1',
      choices,
    );
    expect(state).toMatchObject({ dataset: 'plane', outputActivation: 'linear', loss: 'mean-squared-error' });
    expect(state.discretize).toBe(false);
    expect(problems).toEqual([
      'dataset: "circle" is not one of plane, multi-gaussian; using plane',
      'output sigmoid: regression fits numbers of either sign with a linear output unit, as the Playground does; using linear',
      'loss cross-entropy: regression is trained on squared error ½(h − y)², as in the Playground; using mean-squared-error',
      'discretize: regression has no classes to threshold; the output is the fitted number itself; using 0',
    ]);
    expect(parseState('problem=classification&dataset=plane', choices).problems).toEqual([
      'dataset: "plane" is not one of circle, gauss, spiral, xor; using circle',
    ]);
  });

  it('accepts no hidden layers and fits the activations to the layers given', () => {
    expect(parseState('hidden=', choices).state).toMatchObject({ hidden: [], activations: [] });
    expect(parseState('hidden=3,3,3', choices).state.activations).toEqual(['tanh', 'tanh', 'tanh']);
  });

  it('never throws, whatever the query', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, value) => {
        const query = new URLSearchParams({ [key]: value }).toString();
        expect(() => parseState(query, choices)).not.toThrow();
      }),
    );
  });
});
