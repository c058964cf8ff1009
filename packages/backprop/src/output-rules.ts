// The output layer's rules, chosen once per network from its loss and output activation: how
// δ(L) is computed (a declared fused delta, on the backend's difference kernel when it is h − y,
// else the general ∂ℓ/∂a(L) .* g'(z(L))) and how Σᵢ ℓ is computed to match it.
import type { ActivationPlugin, CompleteBackend, FusedDelta, LossPlugin, Matrix } from '@deltanet/contract';
import { activateBackward, assertSameShape } from '@deltanet/tensor';
import type { Workspace } from './workspace';

/**
 * Chooses how δ(L) is computed, once per network: a fused delta the loss declares for this
 * output activation (sigmoid + cross-entropy: a − y), else the general rule
 * δ(L) = ∂ℓ/∂a(L) .* g'(z(L)) through the activation's backward.
 */
export function outputDeltaRule(
  loss: LossPlugin,
  output: ActivationPlugin,
  backend: CompleteBackend,
): (ws: Workspace, y: Matrix) => void {
  const last = (ws: Workspace) => ws.a.length - 1;
  const fused = fusedDeltaFor(loss, output);
  // A declared h − y (checkLoss holds the plugin to it) runs as the backend's difference kernel.
  if (fused?.kernel === 'difference') {
    return (ws, y) => {
      const h = ws.a[last(ws)]!;
      assertSameShape('output delta h − y', h, y);
      backend.difference(h.data, y.data, ws.delta[last(ws)]!.data);
    };
  }
  if (fused) return (ws, y) => fused.delta(ws.a[last(ws)]!, y, ws.delta[last(ws)]!);
  return generalOutputDelta(loss, output, backend);
}

/**
 * Chooses how Σᵢ ℓ is computed, once per network, to match `outputDeltaRule`: with a fused
 * delta that also declares a value from z (the cross-entropies), that value, so J is the
 * function δ(L) = h − y is the gradient of even where h has saturated; else `loss.value(h, y)`.
 */
export function outputCostRule(
  loss: LossPlugin,
  output: ActivationPlugin,
): (ws: Workspace, y: Matrix) => number {
  const last = (ws: Workspace) => ws.a.length - 1;
  const fused = fusedDeltaFor(loss, output);
  if (fused?.value) {
    const value = fused.value.bind(fused);
    return (ws, y) => value(ws.z[last(ws)]!, ws.a[last(ws)]!, y);
  }
  return (ws, y) => loss.value(ws.a[last(ws)]!, y);
}

/** δ(L) = ∂ℓ/∂a(L) .* g'(z(L)) for any loss and activation. */
export function generalOutputDelta(
  loss: LossPlugin,
  output: ActivationPlugin,
  backend: CompleteBackend,
): (ws: Workspace, y: Matrix) => void {
  return (ws, y) => {
    const L = ws.a.length - 1;
    loss.gradient(ws.a[L]!, y, ws.outputGradient);
    activateBackward(backend, output, ws.z[L]!, ws.a[L]!, ws.outputGradient, ws.delta[L]!);
  };
}

/** The loss's fused delta for this output activation, if it declares one. */
export function fusedDeltaFor(loss: LossPlugin, output: ActivationPlugin): FusedDelta | undefined {
  return loss.fusedDeltas?.find((f) => f.activation === output.name);
}
