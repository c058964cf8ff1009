// An activation run on a backend: its declared kernel through the backend's kernels, else the
// plugin's own loops. The one place the network decides which runs.
import type { ActivationPlugin, BackendPlugin, Matrix } from '@deltanet/contract';
import { ShapeError } from '@deltanet/contract';

/**
 * out = g(z) for `activation`: `backend.activationForward(activation.kernel, …)` when the plugin
 * declares a kernel and the backend has that kernel (a completed one always does), else
 * `activation.forward(z, out)`. Both give the same bits (`checkActivation` holds a declared
 * kernel to it). z and out have one shape; out may be z.
 *
 * @example
 * activate(net.backend, sigmoid, z, a); // σ in wasm SIMD on the wasm backend, plain loops on js
 */
export function activate(backend: BackendPlugin, activation: ActivationPlugin, z: Matrix, out: Matrix): void {
  const kernel = activation.kernel;
  if (kernel === undefined || backend.activationForward === undefined) {
    activation.forward(z, out);
    return;
  }
  if (z.rows !== out.rows || z.cols !== out.cols) mismatch(activation, 'forward', z, out);
  backend.activationForward(kernel, z.data, out.data);
}

/**
 * out = ∂J/∂z from upstream = ∂J/∂a for `activation`, given z and a = g(z): the backend's kernel
 * when the plugin declares one, else `activation.backward`. All four have one shape; out may be
 * upstream.
 *
 * @example
 * activateBackward(net.backend, tanh, z, a, upstream, delta);
 */
export function activateBackward(
  backend: BackendPlugin,
  activation: ActivationPlugin,
  z: Matrix,
  a: Matrix,
  upstream: Matrix,
  out: Matrix,
): void {
  const kernel = activation.kernel;
  if (kernel === undefined || backend.activationBackward === undefined) {
    activation.backward(z, a, upstream, out);
    return;
  }
  if (z.rows !== a.rows || z.cols !== a.cols) mismatch(activation, 'backward', z, a);
  if (z.rows !== upstream.rows || z.cols !== upstream.cols) mismatch(activation, 'backward', z, upstream);
  if (z.rows !== out.rows || z.cols !== out.cols) mismatch(activation, 'backward', z, out);
  backend.activationBackward(kernel, z.data, a.data, upstream.data, out.data);
}

function mismatch(activation: ActivationPlugin, pass: string, p: Matrix, q: Matrix): never {
  throw new ShapeError(
    `activation "${activation.name}" ${pass}: shapes ${p.rows} × ${p.cols} and ${q.rows} × ${q.cols} differ`,
  );
}
