import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The bench is an app: one ESM entry; packages and peers load from node_modules, except
// tfjs-core's gradient registrations, whose extensionless ESM imports only a bundler resolves.
export default defineConfig(
  packageBuild({
    entry: ['src/main.ts'],
    format: ['esm'],
    dts: false,
    noExternal: ['@tensorflow/tfjs-core/dist/register_all_gradients'],
    // ONNX Runtime loads its native binding (node) and its .wasm files (web) from its own folder.
    external: ['onnxruntime-node', 'onnxruntime-web'],
  }),
);
