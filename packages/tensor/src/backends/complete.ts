// A backend with every kernel: a third-party backend may implement gemm alone and run the
// reference kernels for the rest.
import type { BackendKernel, BackendPlugin, CompleteBackend } from '@deltanet/contract';
import { backendKernels, InvalidArgumentError } from '@deltanet/contract';
import { reference } from './reference';

const completed = new WeakMap<BackendPlugin, CompleteBackend>();

/**
 * `backend` with each kernel it leaves out (`backendKernels`: activations, column sums,
 * difference, axpy, dot, Adam, non-finite scan) taken from `reference`; the backend itself when it
 * has them all (every built-in does). The same object comes back for the same backend, so
 * calling it once per network costs nothing. Throws InvalidArgumentError when `backend` is
 * not a backend with a gemm, or a kernel it gives is not a function.
 *
 * @example
 * const naive = { kind: 'backend', name: 'naive', description: 'gemm only', supports: () => true, gemm };
 * completeBackend(naive).activationForward('tanh', z, a); // reference's tanh loop
 */
export function completeBackend(backend: BackendPlugin): CompleteBackend {
  if (typeof backend !== 'object' || backend === null || backend.kind !== 'backend') {
    throw new InvalidArgumentError(`completeBackend: expected a backend plugin, got ${describe(backend)}`);
  }
  if (typeof backend.gemm !== 'function') {
    throw new InvalidArgumentError(
      `backend "${backend.name}" has no gemm, the one kernel a backend must have`,
    );
  }
  const known = completed.get(backend);
  if (known) return known;
  const missing: BackendKernel[] = [];
  for (const name of backendKernels) {
    const kernel = backend[name];
    if (kernel === undefined) missing.push(name);
    else if (typeof kernel !== 'function') {
      throw new InvalidArgumentError(
        `backend "${backend.name}": ${name} must be a function, got ${typeof kernel}`,
      );
    }
  }
  // The backend as prototype, so a class instance keeps its methods and `this`; the missing
  // kernels as own properties.
  const complete =
    missing.length === 0
      ? (backend as CompleteBackend)
      : (Object.freeze(
          Object.assign(
            Object.create(backend) as BackendPlugin,
            Object.fromEntries(missing.map((name) => [name, reference[name]])),
          ),
        ) as CompleteBackend);
  completed.set(backend, complete);
  return complete;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'kind' in value) {
    return `the ${String((value as { kind: unknown }).kind)} plugin "${String((value as { name?: unknown }).name)}"`;
  }
  return String(value);
}
