// The verifier every layer passes: shapes, backward against central differences of forward
// (every parameter and the input, train mode, random draws fixed), and the modes' contract.
import type {
  BackendPlugin,
  BuiltLayer,
  LayerContext,
  LayerMode,
  LayerPlugin,
  LayerShape,
  Matrix,
} from '@deltanet/contract';
import { InvalidArgumentError } from '@deltanet/contract';
import { createRandom, randomFromState, reference } from '@deltanet/tensor';

/** Settings of `checkLayer`. */
export interface LayerCheckOptions {
  /** Where the layer is built; default `{ inputUnits: 3 }`. Dense needs `outputUnits` and `activation`. */
  readonly shape?: LayerShape;
  /** Rows (examples) of the test batch; default 5. */
  readonly rows?: number;
  /** Seed of the input, parameters, weights of the probe and the layer's random draws; default 1. */
  readonly seed?: number;
  /** Largest accepted relative error of backward against the central difference; default 1e-6. */
  readonly tolerance?: number;
  /** The backend given to the layer; default the pure TypeScript `reference`. */
  readonly backend?: BackendPlugin;
}

/** What `checkLayer` found. */
export interface LayerCheckReport {
  /** The plugin's name. */
  readonly name: string;
  /** No failures. */
  readonly ok: boolean;
  /** Largest relative error of a backward entry against its central difference. */
  readonly maxRelativeError: number;
  /** Each failed check, saying what and where (e.g. "∂/∂γ[2]: backward 0.5, central difference 0.25"). */
  readonly failures: readonly string[];
}

/**
 * Checks a layer plugin in float64:
 * 1. it builds, declares blocks with positive whole sizes and unique names, and forward fills
 *    an output of `outputUnits` columns with finite numbers;
 * 2. in train mode, with its random draws fixed (the same stream state before every forward),
 *    backward's gradients of every parameter entry and every input entry agree with the
 *    central difference of Σ u .* forward(x) for a random u (parameter gradients scaled by
 *    1/rows, as the contract says);
 * 3. inference mode leaves the state untouched and gives the same output twice, and without a
 *    `Random` a stochastic layer must also be deterministic in train mode;
 * 4. forward and backward leave the input, the parameters and the output gradient unchanged.
 *
 * @example
 * checkLayer(dropout({ rate: 0.2 })).ok; // true
 */
export function checkLayer(plugin: LayerPlugin, options: LayerCheckOptions = {}): LayerCheckReport {
  const { shape = { inputUnits: 3 }, rows = 5, seed = 1, tolerance = 1e-6, backend = reference } = options;
  const failures: string[] = [];
  let maxRelativeError = 0;
  const fail = (message: string) => failures.push(message);
  const report = () => ({ name: plugin.name, ok: failures.length === 0, maxRelativeError, failures });

  let built: BuiltLayer;
  try {
    if (plugin.kind !== 'layer') fail(`kind is "${plugin.kind}", expected "layer"`);
    built = plugin.build(shape);
  } catch (error) {
    fail(
      `build(${JSON.stringify({ ...shape, activation: shape.activation?.name })}) threw: ${(error as Error).message}`,
    );
    return report();
  }
  const blocks = [...built.parameters, ...built.state];
  const names = new Set<string>();
  for (const block of blocks) {
    if (
      !(Number.isInteger(block.rows) && block.rows >= 1 && Number.isInteger(block.cols) && block.cols >= 1)
    ) {
      fail(`block "${block.name}" is ${block.rows} × ${block.cols}; sizes must be whole numbers ≥ 1`);
    }
    if (names.has(block.name)) fail(`two blocks are named "${block.name}"`);
    names.add(block.name);
  }
  if (!(Number.isInteger(built.outputUnits) && built.outputUnits >= 1)) {
    fail(`outputUnits is ${built.outputUnits}; it must be a whole number ≥ 1`);
  }
  if (failures.length > 0) return report();

  const random = createRandom(seed);
  const draw = (r: number, c: number) => matrixOf(r, c, () => 2 * random.uniform() - 1);
  const input = draw(rows, shape.inputUnits);
  const params = built.parameters.map((b) => draw(b.rows, b.cols));
  const state = built.state.map((b) => matrixOf(b.rows, b.cols, () => 0.5 + random.uniform()));
  const probe = draw(rows, built.outputUnits);
  const layerSeed = createRandom(seed + 1).state();
  const saved = () => built.saved.map((width) => matrixOf(rows, width, () => 0));
  const context = (mode: LayerMode, withRandom = true): LayerContext => ({
    mode,
    backend,
    random: withRandom ? randomFromState(layerSeed) : undefined,
  });

  const run = (mode: LayerMode, withRandom = true) => {
    const pass = { input, output: matrixOf(rows, built.outputUnits, () => Number.NaN), saved: saved() };
    built.forward(context(mode, withRandom), pass, params, state);
    return pass;
  };
  const weighted = (out: Matrix) => {
    let sum = 0;
    for (let i = 0; i < out.data.length; i++) sum += out.data[i]! * probe.data[i]!;
    return sum;
  };

  try {
    const before = snapshot([input, ...params]);
    const pass = run('train');
    const bad = pass.output.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) fail(`forward (train) left output entry ${bad} at ${pass.output.data[bad]}`);

    const paramGradients = built.parameters.map((b) => matrixOf(b.rows, b.cols, () => Number.NaN));
    const inputGradient = matrixOf(rows, shape.inputUnits, () => Number.NaN);
    const probeBefore = Float64Array.from(probe.data);
    built.backward(context('train'), pass, probe, params, paramGradients, inputGradient);
    if (!sameValues(probe.data, probeBefore)) fail('backward changed the output gradient');
    if (!sameValues(snapshot([input, ...params]), before))
      fail('forward or backward changed the input or a parameter');

    const compare = (what: string, target: Matrix, analytic: Matrix, scale: number) => {
      const h = 1e-6;
      for (let k = 0; k < target.data.length; k++) {
        const keep = target.data[k]!;
        target.data[k] = keep + h;
        const plus = weighted(run('train').output);
        target.data[k] = keep - h;
        const minus = weighted(run('train').output);
        target.data[k] = keep;
        const numeric = (plus - minus) / (2 * h);
        const got = analytic.data[k]! * scale;
        const error = Math.abs(got - numeric) / Math.max(1, Math.abs(numeric));
        maxRelativeError = Math.max(maxRelativeError, Number.isNaN(error) ? Infinity : error);
        if (!(error <= tolerance)) fail(`${what}[${k}]: backward ${got}, central difference ${numeric}`);
      }
    };
    built.parameters.forEach((block, b) => {
      compare(`∂/∂${block.name}`, params[b]!, paramGradients[b]!, rows);
    });
    compare('∂/∂input', input, inputGradient, 1);

    const stateBefore = snapshot(state);
    const first = run('inference').output;
    const second = run('inference', false).output;
    if (!sameValues(snapshot(state), stateBefore)) fail('forward in inference mode changed the state');
    if (!sameValues(first.data, second.data)) fail('inference mode depends on the random stream');
    const a = run('train', false).output;
    const b = run('train', false).output;
    if (!sameValues(a.data, b.data)) fail('train mode without a Random is not deterministic');
  } catch (error) {
    fail(`threw: ${(error as Error).message}`);
  }
  return report();
}

/** Thrown by `assertLayer`; carries the report. */
export class LayerCheckError extends InvalidArgumentError {
  /** The failed report. */
  readonly report: LayerCheckReport;
  /** An error listing the report's failures. */
  constructor(report: LayerCheckReport) {
    super(`layer "${report.name}" failed checkLayer:\n  ${report.failures.join('\n  ')}`);
    this.report = report;
  }
}

/**
 * `checkLayer`, throwing a `LayerCheckError` that lists every failure.
 *
 * @example
 * assertLayer(myLayer); // before registering it
 */
export function assertLayer(plugin: LayerPlugin, options?: LayerCheckOptions): void {
  const report = checkLayer(plugin, options);
  if (!report.ok) throw new LayerCheckError(report);
}

function matrixOf(rows: number, cols: number, value: () => number): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, value) };
}

function snapshot(matrices: readonly Matrix[]): Float64Array {
  return Float64Array.from(matrices.flatMap((m) => Array.from(m.data)));
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
