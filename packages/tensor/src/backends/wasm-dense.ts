// The wasm backend's `denseStep`: a small dense network's whole training evaluation in one call
// of assembly/dense.ts, instead of about ten calls per layer (products, bias, activation), each
// crossing into the module or running a short JavaScript loop. The operands are copied into the
// first instance's memory past the pins, behind a descriptor the kernel reads, and z, a, δ and
// D are copied back, so the caller's buffers end as the general passes leave them.
import type { ActivationKernel, DenseStepArgs, FloatArray } from '@deltanet/contract';
import { activationKernels, InvalidArgumentError, ShapeError } from '@deltanet/contract';
import { align, operandsStart, view } from '../internal/wasm-memory';
import { kernelModule } from '../internal/wasm-module';

// assembly/dense.ts numbers the kernels by their index in the contract's `activationKernels`.
function kernelNumber(kernel: ActivationKernel): number {
  return (activationKernels as readonly string[]).indexOf(kernel);
}

// The descriptor's float64 slots (assembly/dense.ts): a header, then a record per weight layer.
const HEADER = 5; // layers L, rows m, x, y, work
const RECORD = 8; // s(l), s(l+1), kernel, Θ, z, a, δ, D

/** Where one evaluation's operands sit in the memory, worked out once per args object. */
interface Plan {
  // What it was worked out for.
  readonly layers: readonly number[];
  readonly kernels: readonly ActivationKernel[];
  readonly outputs: readonly (readonly FloatArray[])[];
  readonly rows: number;
  readonly width: number;
  readonly base: number;
  /** Parameters, bias weights included. */
  readonly count: number;
  // The descriptor, copied to `base` before every call (other calls use the memory between).
  readonly slots: Float64Array;
  readonly paramsAt: number;
  readonly xAt: number;
  readonly yAt: number;
  readonly gradientAt: number;
  /** Byte addresses of z, a and δ of every layer, in the order of `arrays`. */
  readonly at: readonly number[];
  readonly arrays: readonly FloatArray[];
  /**
   * When z, a and δ tile one stretch of one buffer (as a network's workspace allocates them),
   * the module holds them in the same arrangement and one copy brings all back: `into` views
   * that stretch, and it starts at byte `from` of the memory.
   */
  readonly block?: { readonly from: number; readonly into: FloatArray };
  readonly end: number;
  /** Views of the results in the memory's current buffer, and the arrays they are copied to. */
  results?: {
    readonly heap: FloatArray;
    readonly sources: readonly FloatArray[];
    readonly targets: readonly FloatArray[];
    readonly gradientSource: FloatArray;
  };
}

const plans = new WeakMap<DenseStepArgs, Plan>();

// Selects the float64 view of the memory, where the descriptor is written.
const float64 = new Float64Array(0);

/**
 * Runs `args` in the kernel module; false (nothing written) when there is no module yet.
 * Throws ShapeError when the arrays do not fit the layers and rows, InvalidArgumentError for a
 * kernel name the module lacks.
 */
export function denseStepInWasm(args: DenseStepArgs): boolean {
  const module = kernelModule();
  if (!module) return false;
  const { params, x, y, gradient } = args;
  const base = operandsStart(module);
  let plan = plans.get(args);
  if (!plan || !planFits(plan, args, base)) {
    plan = planFor(args, base);
    plans.set(args, plan);
  }
  checkOperands(args, plan);
  const heap = view(module, params, plan.end);
  const width = plan.width;
  (view(module, float64, plan.end) as Float64Array).set(plan.slots, base / 8);
  heap.set(params, plan.paramsAt / width);
  heap.set(x, plan.xAt / width);
  heap.set(y, plan.yAt / width);
  if (width === 4) module.denseStep32(base);
  else module.denseStep64(base);
  // Views of the results in the memory, made once per plan and memory buffer.
  if (plan.results?.heap !== heap) plan.results = resultsIn(heap, plan);
  const { sources, targets, gradientSource } = plan.results;
  for (let i = 0; i < targets.length; i++) targets[i]!.set(sources[i]!);
  gradient.set(gradientSource);
  return true;
}

function planFits(plan: Plan, args: DenseStepArgs, base: number): boolean {
  return (
    plan.base === base &&
    plan.layers === args.layers &&
    plan.kernels === args.kernels &&
    plan.outputs[0] === args.z &&
    plan.outputs[1] === args.a &&
    plan.outputs[2] === args.delta &&
    plan.rows === args.rows &&
    plan.width === args.params.BYTES_PER_ELEMENT
  );
}

/** The results' views in `heap` and where each goes: the tiled block, or each array. */
function resultsIn(heap: FloatArray, plan: Plan): NonNullable<Plan['results']> {
  const part = (at: number, length: number) => heap.subarray(at / plan.width, at / plan.width + length);
  const targets = plan.block ? [plan.block.into] : plan.arrays;
  const sources = plan.block
    ? [part(plan.block.from, plan.block.into.length)]
    : plan.arrays.map((array, i) => part(plan.at[i]!, array.length));
  return { heap, sources, targets, gradientSource: part(plan.gradientAt, plan.count) };
}

/** The plan for `args` with the descriptor at byte `base`, after checking every shape. */
function planFor(args: DenseStepArgs, base: number): Plan {
  checkShapes(args);
  const { layers, kernels, rows, params, x, y, z, a, delta } = args;
  const width = params.BYTES_PER_ELEMENT;
  const weightLayers = layers.length - 1;
  const numbers = kernels.map((kernel, l) => {
    const number = kernelNumber(kernel);
    if (number < 0) {
      throw new InvalidArgumentError(
        `denseStep: layer ${l + 1}'s kernel ${JSON.stringify(kernel)} is not one of ${activationKernels.join(', ')}`,
      );
    }
    return number;
  });
  const slots = new Float64Array(HEADER + RECORD * weightLayers);
  let end = align(base + slots.byteLength);
  const place = (values: number) => {
    const at = end;
    end = align(end + values * width);
    return at;
  };
  const paramsAt = place(params.length);
  const xAt = place(x.length);
  const yAt = place(y.length);
  const gradientAt = place(params.length);
  let work = 0;
  // Θ(l)'s bias weights and the rest transposed.
  for (let l = 0; l < weightLayers; l++) work = Math.max(work, (layers[l]! + 1) * layers[l + 1]!);
  slots.set([weightLayers, rows, xAt, yAt, place(work)]);
  const arrays = z.flatMap((_, l) => [z[l]!, a[l]!, delta[l]!]);
  const tiled = tiling(arrays);
  let block: Plan['block'];
  let at: number[];
  if (tiled) {
    const from = place(tiled.length);
    at = arrays.map((array) => from + array.byteOffset - tiled.byteOffset);
    block = { from, into: tiled };
  } else {
    at = arrays.map((array) => place(array.length));
  }
  let offset = 0;
  for (let l = 0; l < weightLayers; l++) {
    const outputs = at.slice(3 * l, 3 * l + 3);
    const record = [layers[l]!, layers[l + 1]!, numbers[l]!, paramsAt + offset * width, ...outputs];
    slots.set([...record, gradientAt + offset * width], HEADER + l * RECORD);
    offset += layers[l + 1]! * (layers[l]! + 1);
  }
  const outputs = [z, a, delta];
  return {
    layers,
    kernels,
    outputs,
    rows,
    width,
    base,
    count: params.length,
    slots,
    paramsAt,
    xAt,
    yAt,
    gradientAt,
    at,
    arrays,
    ...(block && { block }),
    end,
  };
}

/**
 * A view of the stretch of one buffer that `arrays` cover exactly, with no gap or overlap, so
 * that writing it writes them and nothing else; undefined when they do not tile one.
 */
function tiling(arrays: readonly FloatArray[]): FloatArray | undefined {
  const first = arrays[0]!;
  let from = first.byteOffset;
  let to = from;
  let bytes = 0;
  for (const array of arrays) {
    if (array.buffer !== first.buffer) return undefined;
    from = Math.min(from, array.byteOffset);
    to = Math.max(to, array.byteOffset + array.byteLength);
    bytes += array.byteLength;
  }
  if (to - from !== bytes || !noOverlap(arrays)) return undefined;
  const Type = first instanceof Float32Array ? Float32Array : Float64Array;
  return new Type(first.buffer as ArrayBuffer, from, bytes / first.BYTES_PER_ELEMENT);
}

function noOverlap(arrays: readonly FloatArray[]): boolean {
  const sorted = [...arrays].sort((p, q) => p.byteOffset - q.byteOffset);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.byteOffset < sorted[i - 1]!.byteOffset + sorted[i - 1]!.byteLength) return false;
  }
  return true;
}

/** The per-call part of checkShapes, for the arrays a caller refills between calls. */
function checkOperands(args: DenseStepArgs, plan: Plan): void {
  const { params, x, y, gradient, layers, rows } = args;
  const width = plan.width;
  if (
    params.length !== plan.count ||
    gradient.length !== plan.count ||
    x.length !== rows * layers[0]! ||
    y.length !== rows * layers[layers.length - 1]! ||
    x.BYTES_PER_ELEMENT !== width ||
    y.BYTES_PER_ELEMENT !== width ||
    gradient.BYTES_PER_ELEMENT !== width
  ) {
    checkShapes(args);
  }
}

function checkShapes({ layers, kernels, rows, params, x, y, z, a, delta, gradient }: DenseStepArgs): void {
  const weightLayers = layers.length - 1;
  const fail = (what: string) => {
    throw new ShapeError(`denseStep: ${what} (layers [${layers.join(', ')}], ${rows} rows)`);
  };
  if (weightLayers < 1) fail('a network needs at least two layers');
  if (!Number.isInteger(rows) || rows < 1) fail(`rows must be a whole number ≥ 1, got ${rows}`);
  let count = 0;
  for (let l = 0; l < weightLayers; l++) count += layers[l + 1]! * (layers[l]! + 1);
  const width = params.BYTES_PER_ELEMENT;
  const check = (name: string, array: FloatArray | undefined, length: number) => {
    if (array === undefined) fail(`${name} is missing`);
    else if (array.length !== length || array.BYTES_PER_ELEMENT !== width) {
      fail(
        `${name} has ${array.length} values of ${array.BYTES_PER_ELEMENT * 8} bits, expected ${length} of ${width * 8}`,
      );
    }
  };
  check('params', params, count);
  check('gradient', gradient, count);
  check('x', x, rows * layers[0]!);
  check('y', y, rows * layers[weightLayers]!);
  if (
    kernels.length !== weightLayers ||
    z.length !== weightLayers ||
    a.length !== weightLayers ||
    delta.length !== weightLayers
  ) {
    fail(`kernels, z, a and delta need one entry per weight layer (${weightLayers})`);
  }
  for (let l = 0; l < weightLayers; l++) {
    const values = rows * layers[l + 1]!;
    check(`z[${l}]`, z[l], values);
    check(`a[${l}]`, a[l], values);
    check(`delta[${l}]`, delta[l], values);
  }
}
