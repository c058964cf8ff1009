// The playground state as URL query parameters and back. Parsing validates every field: a bad
// or unknown value falls back to its default and is reported, so a mangled link never crashes.
import { playgroundRegressionSets, playgroundSets } from '@deltanet/data';
import { compatible } from './combinations';
import type { FeatureName } from './features';
import { featureNames, isFeatureName } from './features';
import type { ScheduleName } from './schedule';
import { scheduleNames } from './schedule';
import type { PlaygroundState, PluginChoices, Problem, Speed } from './state';
import {
  defaultState,
  limits,
  noRegularizer,
  problemDefaults,
  problems as problemTypes,
  speeds,
} from './state';

/** A parsed state and one message per parameter that was ignored. */
export interface ParsedState {
  readonly state: PlaygroundState;
  readonly problems: readonly string[];
}

/**
 * The query string for `state` (without "?"); fields are written in a fixed order, so equal
 * states give equal links.
 *
 * @example
 * serializeState(defaultState); // "dataset=circle&noise=0&…&seed=1"
 */
export function serializeState(state: PlaygroundState): string {
  const params = new URLSearchParams();
  params.set('problem', state.problem);
  params.set('dataset', state.dataset);
  params.set('noise', String(state.noise));
  params.set('train', String(state.trainPercent));
  params.set('dataSeed', String(state.dataSeed));
  params.set('features', state.features.join(','));
  params.set('hidden', state.hidden.join(','));
  params.set('activations', state.activations.join(','));
  params.set('batchNorm', state.batchNorm ? '1' : '0');
  params.set('dropout', String(state.dropout));
  params.set('output', state.outputActivation);
  params.set('loss', state.loss);
  params.set('optimizer', state.optimizer);
  params.set('lr', String(state.learningRate));
  params.set('schedule', state.schedule);
  params.set('scheduleEpochs', String(state.scheduleEpochs));
  params.set('lambda', String(state.lambda));
  params.set('regularizer', state.regularizer);
  params.set('batch', String(state.batchSize));
  params.set('seed', String(state.seed));
  params.set('speed', String(state.speed));
  params.set('showTest', state.showTest ? '1' : '0');
  params.set('discretize', state.discretize ? '1' : '0');
  return params.toString();
}

/**
 * The state a query string describes; missing parameters take their defaults silently, bad ones
 * take their defaults with a message in `problems`.
 *
 * @example
 * parseState('?dataset=xor&hidden=8,8', choices).state.hidden; // [8, 8]
 */
export function parseState(query: string, choices: PluginChoices): ParsedState {
  const params = new URLSearchParams(query);
  const problems: string[] = [];
  const read = <T>(key: string, fallback: T, parse: (raw: string) => T | string): T => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const parsed = parse(raw);
    if (typeof parsed === 'string' && typeof fallback !== 'string') {
      problems.push(`${key}: ${parsed}; using ${String(fallback)}`);
      return fallback;
    }
    return parsed as T;
  };
  // Strings need their own check: a valid name and an error message are both strings.
  const readName = (key: string, fallback: string, valid: readonly string[]): string => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    if (valid.includes(raw)) return raw;
    problems.push(`${key}: "${raw}" is not one of ${valid.join(', ')}; using ${fallback}`);
    return fallback;
  };
  const problem = readName('problem', defaultState.problem, problemTypes) as Problem;
  // Each problem type brings its own first dataset, output and loss.
  const d = { ...defaultState, ...problemDefaults(problem) };
  const dataset = readName('dataset', d.dataset, datasetNames(problem)) as PlaygroundState['dataset'];
  const hidden = read('hidden', d.hidden, parseHidden);
  const activations = read('activations', defaultActivations(hidden.length), (raw) =>
    parseActivations(raw, hidden.length, choices.activations),
  );
  const pair = compatible(
    readName('output', d.outputActivation, choices.activations),
    readName('loss', d.loss, choices.losses),
    problem,
  );
  problems.push(...pair.problems);
  const discretize = read('discretize', d.discretize, parseFlag);
  if (discretize && problem === 'regression') problems.push(`discretize: ${discretizeProblem}; using 0`);
  return {
    state: {
      problem,
      dataset,
      noise: read('noise', d.noise, integerIn(limits.noise)),
      trainPercent: read('train', d.trainPercent, integerIn(limits.trainPercent)),
      dataSeed: read('dataSeed', d.dataSeed, integerIn({ min: 0, max: 2 ** 31 - 1 })),
      features: read('features', d.features, parseFeatures),
      hidden,
      activations,
      batchNorm: read('batchNorm', d.batchNorm, parseFlag),
      dropout: read('dropout', d.dropout, numberIn(limits.dropout)),
      outputActivation: pair.output,
      loss: pair.loss,
      optimizer: readName('optimizer', d.optimizer, choices.optimizers),
      learningRate: read('lr', d.learningRate, numberIn(limits.learningRate)),
      schedule: readName('schedule', d.schedule, scheduleNames) as ScheduleName,
      scheduleEpochs: read('scheduleEpochs', d.scheduleEpochs, integerIn(limits.scheduleEpochs)),
      lambda: read('lambda', d.lambda, numberIn(limits.lambda)),
      regularizer: readName('regularizer', d.regularizer, [noRegularizer, ...choices.regularizers]),
      batchSize: read('batch', d.batchSize, integerIn(limits.batchSize)),
      seed: read('seed', d.seed, integerIn({ min: 0, max: 2 ** 31 - 1 })),
      speed: read('speed', d.speed, parseSpeed),
      showTest: read('showTest', d.showTest, parseFlag),
      discretize: discretize && problem !== 'regression',
    },
    problems,
  };
}

/** Why "discretize output" does not apply to regression. */
export const discretizeProblem =
  'regression has no classes to threshold; the output is the fitted number itself';

/** The datasets of one problem type, in display order. */
export function datasetNames(problem: Problem): string[] {
  return Object.keys(problem === 'regression' ? playgroundRegressionSets : playgroundSets);
}

/** Every hidden layer with the default activation. */
export function defaultActivations(layers: number): string[] {
  return Array.from({ length: layers }, () => defaultState.activations[0]!);
}

interface Range {
  readonly min: number;
  readonly max: number;
}

function numberIn({ min, max }: Range) {
  return (raw: string): number | string => {
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    return Number.isFinite(value) && value >= min && value <= max
      ? value
      : `"${raw}" is not a number in ${min}..${max}`;
  };
}

function integerIn({ min, max }: Range) {
  return (raw: string): number | string => {
    const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    return Number.isInteger(value) && value >= min && value <= max
      ? value
      : `"${raw}" is not a whole number in ${min}..${max}`;
  };
}

function parseHidden(raw: string): number[] | string {
  const { hiddenLayers, units } = limits;
  const sizes = raw === '' ? [] : raw.split(',').map(integerIn(units));
  if (sizes.some((size) => typeof size === 'string')) {
    return `"${raw}" must list unit counts in ${units.min}..${units.max}`;
  }
  if (sizes.length > hiddenLayers.max) return `"${raw}" has more than ${hiddenLayers.max} layers`;
  return sizes as number[];
}

function parseActivations(raw: string, layers: number, valid: readonly string[]): string[] | string {
  const names = raw === '' ? [] : raw.split(',');
  const unknown = names.find((name) => !valid.includes(name));
  if (unknown !== undefined) return `"${unknown}" is not one of ${valid.join(', ')}`;
  if (names.length !== layers)
    return `"${raw}" names ${names.length} activations for ${layers} hidden layers`;
  return names;
}

function parseSpeed(raw: string): Speed | string {
  const value = Number(raw);
  return (speeds as readonly number[]).includes(value) && raw.trim() !== ''
    ? (value as Speed)
    : `"${raw}" is not one of ${speeds.join(', ')} (epochs per second, 0 for as fast as possible)`;
}

function parseFlag(raw: string): boolean | string {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return `"${raw}" is not 0 or 1`;
}

function parseFeatures(raw: string): FeatureName[] | string {
  const names = raw.split(',');
  const unknown = names.find((name) => !isFeatureName(name));
  if (unknown !== undefined) return `"${unknown}" is not one of ${featureNames.join(', ')}`;
  if (new Set(names).size !== names.length) return `"${raw}" repeats a feature`;
  return names as FeatureName[];
}
