// brain.js 2 (beta) and 1.6 side by side, installed under the names `brain.js` and `brain-v1`.
// Only NeuralNetwork is used: it trains on the CPU and never touches gpu.js.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type BrainPackage = 'brain.js' | 'brain-v1';

export interface BrainNetwork {
  train(
    data: { input: number[] | Float32Array; output: number[] | Float32Array }[],
    options: Record<string, unknown>,
  ): { error: number; iterations: number };
  run(input: number[] | Float32Array): ArrayLike<number>;
}

/** A brain.js NeuralNetwork constructor from one of the two installed versions. */
export function brainNetwork(pkg: BrainPackage): new (options: Record<string, unknown>) => BrainNetwork {
  return (require(pkg) as { NeuralNetwork: new (options: Record<string, unknown>) => BrainNetwork })
    .NeuralNetwork;
}

/** The installed version of a brain.js package. */
export function brainVersion(pkg: BrainPackage): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}
