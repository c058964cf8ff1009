// The program the Chromium test runs: waits for the wasm module (compiled asynchronously on a
// page's main thread) and trains every scenario, exactly as Node does.
import { wasmReady } from '@deltanet/tensor';
import { trainAll } from './scenarios';

/** Every scenario's model file, trained in this page. */
export async function run(): Promise<Record<string, string>> {
  await wasmReady();
  return trainAll();
}
