// How a network is named in one line: its stack, dense layers as unit counts ("2-8-dropout-8-1").
import type { Network } from '@deltanet/backprop';

/** "784-dropout-96-batch-norm-10"; an all-dense network reads as its sizes, as always ("784-25-10"). */
export function networkName(net: Network): string {
  const entries = net.stack.map((layer) =>
    layer.dense !== undefined ? String(layer.outputUnits) : layer.plugin.name,
  );
  return [String(net.layers[0]), ...entries].join('-');
}
