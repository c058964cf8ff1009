// Finding where a NaN or Infinity came from: the first non-finite value in forward order
// (inputs, z(l), a(l), cost), then backward order (δ(L)…δ(2), D(l)), named by layer and unit.
import type { FloatArray, Matrix } from '@deltanet/contract';
import { DeltanetError } from '@deltanet/contract';
import { findNonFinite } from '@deltanet/tensor';
import type { Network } from './network';
import type { Workspace } from './workspace';

/** The first non-finite value of a failed step, in the course's 1-based layer numbering. */
export interface NonFiniteOrigin {
  /**
   * Which quantity: the input x, z(l), a(l), the cost J, δ(l), D(l) (gradient) or Θ(l); for a
   * non-dense layer (`stackLayer` says which), its output, a parameter, its gradient or its state.
   */
  readonly quantity:
    | 'x'
    | 'y'
    | 'z'
    | 'a'
    | 'cost'
    | 'delta'
    | 'gradient'
    | 'theta'
    | 'layer-output'
    | 'layer-parameter'
    | 'layer-gradient'
    | 'layer-state';
  /**
   * For the `layer-…` quantities: the layer's index in the spec's `layers`, its kind and the
   * block (parameter or state name; absent for its output).
   */
  readonly stackLayer?: {
    /** The layer's index in the spec's `layers`. */
    readonly index: number;
    /** Its kind, the plugin's name. */
    readonly kind: string;
    /** The parameter or state block's name; absent for the layer's output. */
    readonly block?: string;
  };
  /** Layer l of z(l), a(l), δ(l); l of Θ(l) and D(l). Absent for x, y and the cost. */
  readonly layer?: number;
  /** Example (row of the batch) or, for Θ/D, the unit in layer l + 1. */
  readonly row?: number;
  /** Unit of the layer or, for Θ/D, the column (0 is the bias weight). */
  readonly column?: number;
  /** The value found there: NaN, Infinity or −Infinity (NaN when Θ is blamed without a location). */
  readonly value: number;
}

/** Training stopped on the first NaN or Infinity; `origin` says where it appeared first. */
export class DivergenceError extends DeltanetError {
  /** The 1-based epoch (full-batch: iteration) of the failed step. */
  readonly epoch: number;
  /** The 1-based batch within that epoch (always 1 for full-batch training). */
  readonly batch: number;
  /** Where the first non-finite value appeared. */
  readonly origin: NonFiniteOrigin;
  /** The error for `origin` in `epoch`, `batch`; `hint` (what to change) ends the message. Code `'diverged'`. */
  constructor(epoch: number, batch: number, origin: NonFiniteOrigin, hint: string) {
    super(
      'diverged',
      `training diverged at epoch ${epoch}, batch ${batch}: ${describeOrigin(origin)}. ${hint}`,
    );
    this.epoch = epoch;
    this.batch = batch;
    this.origin = origin;
  }
}

/** Locates the first non-finite value of the forward/backward pass just run on x, y. */
export function locateNonFinite(
  net: Network,
  x: Matrix,
  y: Matrix,
  ws: Workspace,
  cost: number,
  gradient: FloatArray,
): NonFiniteOrigin | undefined {
  const inMatrix = (
    quantity: NonFiniteOrigin['quantity'],
    m: Matrix,
    layer?: number,
  ): NonFiniteOrigin | undefined => {
    const at = findNonFinite(m.data);
    if (at < 0) return undefined;
    const row = Math.floor(at / m.cols);
    // No `layer: undefined` key for x and y: the type says absent, not undefined.
    const where = layer === undefined ? {} : { layer };
    return { quantity, ...where, row, column: at - row * m.cols, value: m.data[at]! };
  };
  // A non-dense layer's block, named by the layer's index in the spec, its kind and the block.
  const inLayer = (
    quantity: 'layer-output' | 'layer-parameter' | 'layer-gradient' | 'layer-state',
    m: Matrix,
    p: number,
    block?: string,
  ) => {
    const found = inMatrix(quantity, m);
    const { index, plugin } = net.stack[p]!;
    return found && { ...found, stackLayer: { index, kind: plugin.name, ...(block && { block }) } };
  };
  // The non-dense layers' candidates of one kind, in stack order (none for an all-dense network).
  const others = (visit: (p: number) => (() => NonFiniteOrigin | undefined)[]) =>
    net.stack.flatMap((layer, p) => (layer.dense === undefined ? visit(p) : []));
  const blocks = (p: number) => net.stack[p]!.built;
  const candidates: (() => NonFiniteOrigin | undefined)[] = [
    () => inMatrix('x', x),
    () => inMatrix('y', y),
    ...net.thetas.map((theta, l) => () => inMatrix('theta', theta, l + 1)),
    ...others((p) =>
      blocks(p).parameters.map(
        (block, b) => () => inLayer('layer-parameter', net.layerParams[p]![b]!, p, block.name),
      ),
    ),
    ...others((p) =>
      blocks(p).state.map((block, b) => () => inLayer('layer-state', net.layerState[p]![b]!, p, block.name)),
    ),
    // Forward order through the stack: a dense layer's z and a, another layer's output.
    ...net.stack.flatMap((layer, p) => {
      const l = layer.dense;
      if (l === undefined) return [() => inLayer('layer-output', ws.layers[p]!.pass.output, p)];
      return [() => inMatrix('z', ws.z[l]!, l + 2), () => inMatrix('a', ws.a[l]!, l + 2)];
    }),
    () => (Number.isFinite(cost) ? undefined : { quantity: 'cost', value: cost }),
    ...ws.delta.map((_, i) => {
      const l = ws.delta.length - 1 - i;
      return () => inMatrix('delta', ws.delta[l]!, l + 2);
    }),
    ...net.layout.map(({ offset, rows, cols }, l) => () => {
      const D = { rows, cols, data: gradient.subarray(offset, offset + rows * cols) };
      return inMatrix('gradient', D, l + 1);
    }),
    ...others((p) =>
      blocks(p).parameters.map((block, b) => () => {
        const offset = net.stack[p]!.paramOffsets[b]!;
        const D = {
          rows: block.rows,
          cols: block.cols,
          data: gradient.subarray(offset, offset + block.rows * block.cols),
        };
        return inLayer('layer-gradient', D, p, block.name);
      }),
    ),
  ];
  for (const candidate of candidates) {
    const origin = candidate();
    if (origin) return origin as NonFiniteOrigin;
  }
  return undefined;
}

/** A hint from the largest weight: huge weights mean the step size is too large. */
export function divergenceHint(net: Network): string {
  let largest = 0;
  for (let i = 0; i < net.params.length; i++) largest = Math.max(largest, Math.abs(net.params[i]!));
  return largest > 1e3
    ? `The largest |Θ| is ${largest.toExponential(2)}: lower the learning rate or raise λ.`
    : 'Parameters are the last finite ones; check the data and the plugins of that layer.';
}

function describeOrigin(origin: NonFiniteOrigin): string {
  const { quantity, layer, row, column, value, stackLayer } = origin;
  if (stackLayer) {
    const name = `layer ${stackLayer.index} ${stackLayer.kind}`;
    switch (quantity) {
      case 'layer-output':
        return `the output of ${name} is ${value} at example ${row}, unit ${column! + 1} (its first non-finite value)`;
      case 'layer-gradient':
        return `the gradient of ${name} ${stackLayer.block} row ${row}, column ${column} is ${value}`;
      default:
        return `${name} ${quantity === 'layer-state' ? 'state ' : ''}${stackLayer.block} row ${row}, column ${column} is ${value}`;
    }
  }
  switch (quantity) {
    case 'x':
    case 'y':
      return `${quantity} row ${row}, column ${column} is ${value}`;
    case 'cost':
      return `the cost J is ${value} while every z and a is finite (the loss produced it)`;
    case 'theta':
    case 'gradient':
      return `${quantity === 'theta' ? 'Θ' : 'D'}(${layer}) row ${row}, column ${column} is ${value}`;
    default: {
      const symbol = quantity === 'delta' ? 'δ' : quantity;
      return `${symbol}(${layer}) is ${value} at example ${row}, unit ${column! + 1} (its first non-finite value)`;
    }
  }
}

/**
 * The DivergenceError of a failed step at (epoch, batch): replays the batch to name the first
 * non-finite value, or blames Θ when the step itself made it non-finite.
 *
 * @example
 * if (!Number.isFinite(cost)) throw divergedAt(net, 3, 7, x, y, cost, gradient);
 */
export function divergedAt(
  net: Network,
  epoch: number,
  batch: number,
  x: Matrix,
  y: Matrix,
  cost: number,
  gradient: FloatArray,
) {
  const ws = net.workspace(x.rows);
  const origin = locateNonFinite(net, x, y, ws, cost, gradient) ?? {
    quantity: 'theta' as const,
    value: Number.NaN,
  };
  return new DivergenceError(epoch, batch, origin, divergenceHint(net));
}
