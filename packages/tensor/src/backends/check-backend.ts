// The public backend verifier: holds any backend, built-in or third-party, to `reference` —
// every kernel on edge cases, in both precisions, with a report naming what failed.
import type { BackendPlugin, CompleteBackend } from '@deltanet/contract';
import { backendKernels } from '@deltanet/contract';
import { describeError } from '../internal/describe-error';
import { checkActivationKernels, checkGemm, checkVectorKernels } from './check-cases';
import { completeBackend } from './complete';

/** Settings of `checkBackend`. */
export interface BackendCheckOptions {
  /** Seed of the random operands (default 1); the same seed gives the same report. */
  readonly seed?: number;
  /**
   * Whether gemm must give `reference`'s bits exactly (default false: within the precision's
   * rounding of it, as wasm's blocked SIMD sums are). `js` passes with true.
   */
  readonly exactGemm?: boolean;
}

/** What `checkBackend` found. `ok` is true exactly when `failures` is empty. */
export interface BackendCheckReport {
  /** The checked backend's name. */
  readonly name: string;
  /** True when every check passed (`failures` is empty). */
  readonly ok: boolean;
  /** One line per failed check, naming the kernel, the precision and the input. */
  readonly failures: readonly string[];
  /** The kernels the backend leaves out, which `completeBackend` takes from `reference`. */
  readonly fromReference: readonly string[];
}

/**
 * Verifies a backend against `reference`, the specification, in every precision it `supports`:
 * - identity: kind "backend", kebab-case name, description, `supports` and `gemm` functions;
 * - gemm: every transposition, offsets, padded strides, α, β (β = 0 with NaN in C must ignore
 *   C), empty sizes, products on both sides of 4,096 multiply-adds, NaN and ±Infinity in A and
 *   B; nothing outside C written and nothing outside A and B read. Within the precision's
 *   rounding of the reference (`exactGemm`: bit for bit);
 * - the other kernels (`backendKernels`), bit for bit as the reference: every activation kernel
 *   forward and backward (in place too) on ±0, subnormals, ±1e30, NaN, ±Infinity, random and
 *   arbitrary bit patterns, short and long; column sums into an offset, strided column; h − y;
 *   axpy; dot; three Adam steps; the non-finite scan on NaN and ±Infinity at every position.
 * A kernel the backend leaves out is checked as `completeBackend` fills it (reference's) and
 * listed in `fromReference`.
 *
 * @example
 * const report = checkBackend(myBackend);
 * if (!report.ok) console.log(report.failures.join('\n'));
 */
export function checkBackend(backend: BackendPlugin, options: BackendCheckOptions = {}): BackendCheckReport {
  const { seed = 1, exactGemm = false } = options;
  const failures: string[] = [];
  const fail = (message: string) => {
    failures.push(message);
  };
  const name = typeof backend === 'object' && backend !== null ? String(backend.name) : String(backend);
  let complete: CompleteBackend;
  try {
    complete = completeBackend(backend);
  } catch (error) {
    return { name, ok: false, failures: [`identity: ${describeError(error)}`], fromReference: [] };
  }
  checkIdentity(backend, fail);
  const fromReference = backendKernels.filter((kernel) => backend[kernel] === undefined);
  for (const dtype of ['float64', 'float32'] as const) {
    let supported = false;
    try {
      supported = backend.supports(dtype) === true;
    } catch (error) {
      fail(`identity: supports("${dtype}") threw ${describeError(error)}`);
    }
    if (!supported) continue;
    const run = (label: string, check: () => void) => {
      try {
        check();
      } catch (error) {
        fail(`${label} (${dtype}): threw ${describeError(error)}`);
      }
    };
    run('gemm', () => checkGemm(complete, dtype, seed, exactGemm, fail));
    run('activations', () => checkActivationKernels(complete, dtype, seed, fail));
    run('vector kernels', () => checkVectorKernels(complete, dtype, seed, fail));
  }
  return { name, ok: failures.length === 0, failures, fromReference };
}

function checkIdentity(backend: BackendPlugin, fail: (message: string) => void): void {
  if (typeof backend.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(backend.name)) {
    fail(`identity: name ${JSON.stringify(backend.name)} is not kebab-case (a-z, 0-9, -)`);
  }
  if (typeof backend.description !== 'string' || backend.description.trim() === '') {
    fail('identity: description must be a non-empty string');
  }
  if (typeof backend.supports !== 'function') fail('identity: supports must be a function');
  if (backend.pin !== undefined && typeof backend.pin !== 'function')
    fail('identity: pin must be a function');
  if (backend.denseStep !== undefined && typeof backend.denseStep !== 'function') {
    fail('identity: denseStep must be a function');
  }
}
