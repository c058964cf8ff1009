// Builds an elementwise activation from its scalar pair g(z), g'(z, a): the batch loops
// a = g(z) and ∂J/∂z = ∂J/∂a .* g'(z) are written once here, so each activation file is formulas.
import type {
  ActivationKernel,
  ActivationPlugin,
  FloatArray,
  Matrix,
  PluginOptions,
} from '@deltanet/contract';
import { assertSameShape } from '@deltanet/tensor';

/** What an elementwise activation file declares; `elementwise` supplies the rest. */
export interface ElementwiseSpec {
  /** The plugin name, equal to the defining file's name. */
  readonly name: string;
  readonly description: string;
  /** g(z) for one number. */
  readonly output: (z: number) => number;
  /** g'(z) for one number, given a = g(z) too so that σ' can be a(1 − a). */
  readonly derivative: (z: number, a: number) => number;
  /**
   * Optional: the same two loops written out in the activation's own file, for the activations
   * hidden layers use most. The shared loops below call `output` through one call site that
   * every activation passes through, which V8 cannot inline once two have run; a loop of the
   * plugin's own gets its own type feedback and inlines its formula. Must compute exactly
   * out[i] = output(z[i]) and out[i] = upstream[i] · derivative(z[i], a[i]) (the conformance
   * suite checks it), reading index i before writing it.
   */
  readonly loops?: ElementwiseLoops;
  /**
   * Optional: the built-in kernel these formulas are, bit for bit, so that a backend may run the
   * activation inside its own fused kernel (`checkActivation` verifies the claim).
   */
  readonly kernel?: ActivationKernel;
  /** The hyper-parameters of a factory-made plugin. */
  readonly options?: PluginOptions;
  /** Rebuilds the plugin with other options (factories only). */
  readonly configure?: (options: PluginOptions) => ActivationPlugin;
}

/** A batch forward and backward over flat arrays of equal length. */
export interface ElementwiseLoops {
  readonly forward: (z: FloatArray, out: FloatArray) => void;
  readonly backward: (z: FloatArray, a: FloatArray, upstream: FloatArray, out: FloatArray) => void;
}

/**
 * A frozen ActivationPlugin whose `forward` and `backward` are plain loops over the caller's
 * buffers: out[i] = g(z[i]) and out[i] = upstream[i] · g'(z[i], a[i]). Each loop reads index i
 * before writing it, so `out` may be `z`, `a` or `upstream` itself. Module-level calls are
 * marked `/* @__PURE__ *\/` so that bundlers drop the activations a consumer does not import.
 *
 * @example
 * const linear = elementwise({ name: 'linear', description: 'g(z) = z',
 *   output: (z) => z, derivative: () => 1 });
 */
export function elementwise(spec: ElementwiseSpec): ActivationPlugin {
  const { name, description, output, derivative, options, configure, loops, kernel } = spec;
  // Built once so the hot path allocates no message strings.
  const forwardWhat = `activation "${name}" forward`;
  const backwardWhat = `activation "${name}" backward`;
  const plugin: ActivationPlugin = {
    kind: 'activation',
    name,
    description,
    ...(options !== undefined && { options: Object.freeze({ ...options }) }),
    ...(configure !== undefined && { configure }),
    ...(kernel !== undefined && { kernel }),
    output,
    derivative,
    forward(z: Matrix, out: Matrix): void {
      assertSameShape(forwardWhat, z, out);
      const zs = z.data;
      const os = out.data;
      if (loops) loops.forward(zs, os);
      else for (let i = 0; i < os.length; i++) os[i] = output(zs[i]!);
    },
    backward(z: Matrix, a: Matrix, upstream: Matrix, out: Matrix): void {
      assertSameShape(backwardWhat, z, a);
      assertSameShape(backwardWhat, z, upstream);
      assertSameShape(backwardWhat, z, out);
      const zs = z.data;
      const as = a.data;
      const us = upstream.data;
      const os = out.data;
      if (loops) loops.backward(zs, as, us, os);
      else for (let i = 0; i < os.length; i++) os[i] = us[i]! * derivative(zs[i]!, as[i]!);
    },
  };
  return Object.freeze(plugin);
}
