// Every unit's activation for a batch of inputs: a(2), …, a(L) = h, one matrix per layer, so a
// viewer can draw what each hidden unit computes over the input plane.
import type { Matrix } from '@deltanet/contract';
import { rowSlice, zeros } from '@deltanet/tensor';
import { checkedInputs } from './internal/data';
import type { Network } from './network';
import { forward } from './propagate';

/** Rows per forward pass, so a large x needs no workspace of its own size. */
const CHUNK_ROWS = 1024;

/**
 * a(l) for l = 2..L on every row of x (m × s(1)): element l − 2 is m × s(l), without the bias
 * unit; the last element equals `net.predict(x)`. The matrices are new copies.
 *
 * @example
 * const [hidden, output] = layerOutputs(net, grid); // a(2) and a(3) = h of a 2-4-1 network
 */
export function layerOutputs(net: Network, x: Matrix): Matrix[] {
  const input = checkedInputs(net.layers, net.dtype, x);
  const m = input.rows;
  const outputs = net.layers.slice(1).map((units) => zeros(m, units, net.dtype));
  for (let start = 0; start < m; start += CHUNK_ROWS) {
    const end = Math.min(m, start + CHUNK_ROWS);
    const ws = net.workspace(end - start);
    forward(net, rowSlice(input, start, end), ws);
    for (const [l, a] of ws.a.entries()) outputs[l]!.data.set(a.data, start * a.cols);
  }
  return outputs;
}

/**
 * Every stack layer's output on the rows of x, in inference mode: one entry per layer after the
 * input, dense or not, with its index in the spec's `layers` and its kind. The last output
 * equals `net.predict(x)`.
 *
 * @example
 * stackOutputs(net, x).map((o) => `${o.index} ${o.kind}`); // ['1 dense', '2 dropout', '3 dense']
 */
export function stackOutputs(
  net: Network,
  x: Matrix,
): {
  /** The layer's index in the spec's `layers`. */
  readonly index: number;
  /** Its kind, the plugin's name (`'dense'` for the spec's numbers). */
  readonly kind: string;
  /** Its output for every row of x. */
  readonly output: Matrix;
}[] {
  const input = checkedInputs(net.layers, net.dtype, x);
  const m = input.rows;
  const outputs = net.stack.map((layer) => ({
    index: layer.index,
    kind: layer.plugin.name,
    output: zeros(m, layer.outputUnits, net.dtype),
  }));
  for (let start = 0; start < m; start += CHUNK_ROWS) {
    const end = Math.min(m, start + CHUNK_ROWS);
    const ws = net.workspace(end - start);
    forward(net, rowSlice(input, start, end), ws);
    net.stack.forEach((layer, p) => {
      const out = layer.dense === undefined ? ws.layers[p]!.pass.output : ws.a[layer.dense]!;
      outputs[p]!.output.data.set(out.data, start * out.cols);
    });
  }
  return outputs;
}
