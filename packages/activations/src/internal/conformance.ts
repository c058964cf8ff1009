// The verifier's checks besides the gradient: identity and options, scalar forms against the
// batch forms, finite output on extreme inputs, float32 precision, shapes and aliasing.

import type { ActivationPlugin, FloatArray, Matrix, PluginOptions } from '@deltanet/contract';
import { activationKernels } from '@deltanet/contract';
import { clone, matrix, reference, zeros } from '@deltanet/tensor';
import { describeNumber, sameNumber } from './report';

type Fail = (message: string) => void;

/**
 * Kind, kebab-case name, description, paired scalar forms, and options that survive JSON; with
 * configure, configure(JSON copy of options) must rebuild a plugin with the same name, options
 * and values, and configure must reject an unknown option. A plugin with options and no
 * configure is fixed at them and loads back by name and those options.
 */
export function checkIdentity(plugin: ActivationPlugin, sample: Matrix, fail: Fail): void {
  if (plugin.kind !== 'activation')
    fail(`identity: kind is ${JSON.stringify(plugin.kind)}, not "activation"`);
  if (typeof plugin.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(plugin.name)) {
    fail(`identity: name ${JSON.stringify(plugin.name)} is not kebab-case (a-z, 0-9, -)`);
  }
  if (typeof plugin.description !== 'string' || plugin.description.trim() === '') {
    fail('identity: description must be a non-empty string');
  }
  if ((plugin.output === undefined) !== (plugin.derivative === undefined)) {
    fail('identity: output and derivative must come as a pair');
  }
  const { options } = plugin;
  if (options === undefined) {
    if (plugin.configure !== undefined) fail('options: configure without options cannot be saved');
    return;
  }
  const saved = JSON.parse(JSON.stringify({ name: plugin.name, options })) as { options: PluginOptions };
  if (canonical(saved.options) !== canonical(options)) {
    fail(`options: ${canonical(options)} changes through JSON (to ${canonical(saved.options)})`);
  }
  // Without configure the plugin is fixed at its options: a registry resolves a saved
  // { name, options } equal to them to the plugin itself, so a model saved with it loads back.
  if (plugin.configure === undefined) return;
  const rebuilt = plugin.configure(saved.options);
  if (rebuilt.name !== plugin.name || rebuilt.kind !== plugin.kind) {
    fail(`options: configure returned "${rebuilt.name}", not "${plugin.name}"`);
  }
  if (canonical(rebuilt.options ?? {}) !== canonical(options)) {
    fail(`options: configure(${canonical(saved.options)}) gave options ${canonical(rebuilt.options ?? {})}`);
  }
  const before = zeros(sample.rows, sample.cols);
  const after = zeros(sample.rows, sample.cols);
  plugin.forward(sample, before);
  rebuilt.forward(sample, after);
  if (firstDifference(before.data, after.data) >= 0) {
    fail('options: the plugin rebuilt from its saved options computes different values');
  }
  let rejected = false;
  try {
    plugin.configure({ 'no-such-option': 1 });
  } catch {
    rejected = true;
  }
  if (!rejected) fail('options: configure accepted an unknown option "no-such-option"');
}

/** When present, output(z) and u·derivative(z, a) equal forward and backward exactly (float64). */
export function checkScalars(plugin: ActivationPlugin, z: Matrix, u: Matrix, fail: Fail): void {
  const { output, derivative } = plugin;
  if (output === undefined || derivative === undefined) return;
  const a = zeros(z.rows, z.cols);
  const g = zeros(z.rows, z.cols);
  plugin.forward(z, a);
  plugin.backward(z, a, u, g);
  for (let i = 0; i < a.data.length; i++) {
    const zi = z.data[i]!;
    const value = plugin.output!(zi);
    if (!sameNumber(a.data[i]!, value)) {
      fail(`scalar: forward gives ${a.data[i]} at z = ${zi} but output(z) = ${value}`);
      return;
    }
    const slope = u.data[i]! * plugin.derivative!(zi, a.data[i]!);
    if (!sameNumber(g.data[i]!, slope)) {
      fail(
        `scalar: backward gives ${g.data[i]} at z = ${zi}, u = ${u.data[i]} but u·derivative(z, a) = ${slope}`,
      );
      return;
    }
  }
}

/** forward and backward (upstream 1) stay finite at `extremes`, as one row and one per row. */
export function checkFinite(plugin: ActivationPlugin, extremes: readonly number[], fail: Fail): void {
  for (const dtype of ['float64', 'float32'] as const) {
    // Beyond float32's range an input is itself Infinity, so float32 sees only what it can hold.
    const values = extremes.filter((x) => dtype === 'float64' || Math.abs(x) <= FLOAT32_MAX);
    const data = dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
    for (const z of [matrix(1, data.length, data), matrix(data.length, 1, data)]) {
      const a = zeros(z.rows, z.cols, dtype);
      const g = zeros(z.rows, z.cols, dtype);
      plugin.forward(z, a);
      const bad = a.data.findIndex((x) => !Number.isFinite(x));
      if (bad >= 0) {
        fail(`extremes: forward (${dtype}) gives ${a.data[bad]} at z = ${z.data[bad]}`);
        return;
      }
      plugin.backward(
        z,
        a,
        matrix(
          z.rows,
          z.cols,
          data.map(() => 1),
        ),
        g,
      );
      const badSlope = g.data.findIndex((x) => !Number.isFinite(x));
      if (badSlope >= 0) {
        fail(`extremes: backward (${dtype}) gives ${g.data[badSlope]} at z = ${z.data[badSlope]}`);
        return;
      }
    }
  }
}

/**
 * float32 forward and backward agree with float64 runs on the same (float32) inputs to within two
 * float32 ulps: float32 storage may cost rounding, not accuracy.
 */
export function checkFloat32(plugin: ActivationPlugin, z: Matrix, u: Matrix, fail: Fail): void {
  const { rows, cols } = z;
  const z32 = clone(z, 'float32');
  const u32 = clone(u, 'float32');
  const a32 = zeros(rows, cols, 'float32');
  const g32 = zeros(rows, cols, 'float32');
  plugin.forward(z32, a32);
  plugin.backward(z32, a32, u32, g32);
  const z64 = clone(z32, 'float64');
  const a64 = zeros(rows, cols);
  const g64 = zeros(rows, cols);
  plugin.forward(z64, a64);
  plugin.backward(z64, clone(a32, 'float64'), clone(u32, 'float64'), g64);
  for (const [what, single, double] of [
    ['forward', a32.data, a64.data],
    ['backward', g32.data, g64.data],
  ] as const) {
    for (let i = 0; i < double.length; i++) {
      const reference = double[i]!;
      if (Math.abs(reference) > FLOAT32_MAX) continue;
      if (!(Math.abs(single[i]! - reference) <= FLOAT32_ULP * Math.abs(reference) + FLOAT32_TINY)) {
        fail(
          `float32: ${what} gives ${single[i]} at z = ${z32.data[i]} where float64 gives ${describeNumber(reference)}`,
        );
        return;
      }
    }
  }
}

/**
 * forward and backward write every element of `out` and nothing around it (a view inside a
 * larger buffer), accept empty and 1 × 1 batches, and give the same values when `out` is `z`
 * (forward) or `upstream` (backward).
 */
export function checkShapes(plugin: ActivationPlugin, z: Matrix, u: Matrix, fail: Fail): void {
  const { rows, cols } = z;
  const n = rows * cols;
  const a = zeros(rows, cols);
  const g = zeros(rows, cols);
  plugin.forward(z, a);
  plugin.backward(z, a, u, g);

  const buffer = new Float64Array(n + 2 * GUARD).fill(SENTINEL);
  const view = matrix(rows, cols, buffer.subarray(GUARD, GUARD + n).fill(Number.NaN));
  plugin.forward(z, view);
  if (!guardsIntact(buffer)) fail('shapes: forward wrote outside out');
  if (firstDifference(view.data, a.data) >= 0) fail('shapes: forward into a view gives other values');
  view.data.fill(Number.NaN);
  plugin.backward(z, a, u, view);
  if (!guardsIntact(buffer)) fail('shapes: backward wrote outside out');
  if (firstDifference(view.data, g.data) >= 0) fail('shapes: backward into a view gives other values');

  const inPlace = clone(z, 'float64');
  plugin.forward(inPlace, inPlace);
  if (firstDifference(inPlace.data, a.data) >= 0) fail('shapes: forward(z, z) differs from forward(z, out)');
  const upstream = clone(u, 'float64');
  plugin.backward(z, a, upstream, upstream);
  if (firstDifference(upstream.data, g.data) >= 0) {
    fail('shapes: backward with out = upstream differs from a separate out');
  }

  for (const [r, c] of [
    [0, cols],
    [rows, 0],
    [1, 1],
  ] as const) {
    const small = matrix(r, c, z.data.slice(0, r * c));
    const out = zeros(r, c);
    plugin.forward(small, out);
    plugin.backward(small, out, matrix(r, c, u.data.slice(0, r * c)), zeros(r, c));
  }
}

const FLOAT32_MAX = 3.4028234663852886e38;
// Two float32 ulps relative (2⁻²²), plus the smallest float32 subnormal (2⁻¹⁴⁹) for underflow.
const FLOAT32_ULP = 2 ** -22;
const FLOAT32_TINY = 2 ** -149;
const GUARD = 4;
const SENTINEL = -1234.5678;

function guardsIntact(buffer: Float64Array): boolean {
  for (let i = 0; i < GUARD; i++) {
    if (buffer[i] !== SENTINEL || buffer[buffer.length - 1 - i] !== SENTINEL) return false;
  }
  return true;
}

/** The first index where x and y hold different numbers (NaN equals NaN), or −1. */
function firstDifference(x: FloatArray, y: FloatArray): number {
  for (let i = 0; i < x.length; i++) if (!sameNumber(x[i]!, y[i]!)) return i;
  return x.length === y.length ? -1 : x.length;
}

/** Options as sorted JSON, so key order does not matter. */
/** Options as sorted key: value text; non-finite numbers spelled out (JSON would write null). */
function canonical(options: PluginOptions): string {
  const entries = Object.keys(options)
    .sort()
    .map((key) => {
      const value = options[key];
      return `${JSON.stringify(key)}: ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
    });
  return `{ ${entries.join(', ')} }`;
}

/**
 * A declared `kernel` is one of the contract's `activationKernels` and forward and backward
 * compute its definition bit for bit (±0 told apart), in float64 and in float32 (computed in
 * float64 from the stored inputs, rounded once): backends run the kernel in place of the plugin
 * on that promise. The definition is @deltanet/tensor's `reference` backend, the specification.
 */
export function checkKernel(plugin: ActivationPlugin, z: Matrix, u: Matrix, fail: Fail): void {
  const { kernel } = plugin;
  if (kernel === undefined) return;
  if (!(activationKernels as readonly string[]).includes(kernel)) {
    fail(`kernel: ${JSON.stringify(kernel)} is not one of ${activationKernels.join(', ')}`);
    return;
  }
  for (const dtype of ['float64', 'float32'] as const) {
    const zs = clone(z, dtype);
    const us = clone(u, dtype);
    const a = zeros(z.rows, z.cols, dtype);
    const g = zeros(z.rows, z.cols, dtype);
    plugin.forward(zs, a);
    plugin.backward(zs, a, us, g);
    const expected = zeros(z.rows, z.cols, dtype);
    const expectedSlope = zeros(z.rows, z.cols, dtype);
    reference.activationForward(kernel, zs.data, expected.data);
    reference.activationBackward(kernel, zs.data, a.data, us.data, expectedSlope.data);
    for (let i = 0; i < a.data.length; i++) {
      const zi = zs.data[i]!;
      if (!Object.is(a.data[i]!, expected.data[i]!)) {
        fail(
          `kernel: forward gives ${a.data[i]} at z = ${zi} (${dtype}) but "${kernel}" gives ${expected.data[i]}`,
        );
        return;
      }
      if (!Object.is(g.data[i]!, expectedSlope.data[i]!)) {
        fail(
          `kernel: backward gives ${g.data[i]} at z = ${zi}, u = ${us.data[i]} (${dtype}) but "${kernel}" gives ${expectedSlope.data[i]}`,
        );
        return;
      }
    }
  }
}
