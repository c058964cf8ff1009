// The loss an imported network gets when none is given: the one whose fused output delta
// matches its output activation (δ(L) = a − y), or mean squared error.
import type { PluginRef } from '@deltanet/contract';

/** cross-entropy after sigmoid, softmax-cross-entropy after softmax, else mean-squared-error. */
export function defaultLoss(outputActivation: PluginRef): PluginRef {
  const name = typeof outputActivation === 'string' ? outputActivation : outputActivation.name;
  if (name === 'sigmoid') return 'cross-entropy';
  if (name === 'softmax') return 'softmax-cross-entropy';
  return 'mean-squared-error';
}
