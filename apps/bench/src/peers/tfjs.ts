// TensorFlow.js, loaded from node_modules: the cpu backend (plain JS) or the wasm backend with
// its .wasm files read from the package's own dist folder (no network).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let wasmPathSet = false;

export type TfBackend = 'cpu' | 'wasm';
export type Tf = typeof import('@tensorflow/tfjs-core');

/** tfjs-core with `backend` active (and SIMD used by the wasm backend when V8 has it). */
export async function loadTf(backend: TfBackend): Promise<Tf> {
  const tf = require('@tensorflow/tfjs-core') as Tf;
  // tfjs-core's Node build registers no gradients; this ESM entry does (into the registry every
  // copy of tfjs-core shares through a global). tsup bundles it, since its imports lack
  // extensions, and loads it only here, so deltanet's processes never run TF.js code.
  await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  if (backend === 'cpu') require('@tensorflow/tfjs-backend-cpu');
  else if (!wasmPathSet) {
    wasmPathSet = true;
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(
      `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`,
    );
  }
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} failed to initialize`);
  await tf.ready();
  return tf;
}

/** Installed version of a package, read from its package.json. */
export function versionOf(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}
