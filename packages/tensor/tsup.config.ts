import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The embedded wasm (src/internal/wasm-bytes.ts, about 60 kB of base64) is built once, as
// dist/wasm-bytes.cjs, which both dist/index.js (an ESM import of CommonJS, which Node and every
// bundler resolve) and dist/index.cjs require, instead of a copy inlined into each format.
const wasmBytes = /^\.\/(internal\/)?wasm-bytes$/;

export default defineConfig([
  packageBuild({
    // The second build writes wasm-bytes.cjs at the same time: cleaning must leave it alone.
    clean: ['!wasm-bytes.cjs'],
    esbuildPlugins: [
      {
        name: 'wasm-bytes-once',
        setup(build) {
          build.onResolve({ filter: wasmBytes }, () => ({ path: './wasm-bytes.cjs', external: true }));
        },
      },
    ],
  }),
  packageBuild({
    entry: { 'wasm-bytes': 'src/internal/wasm-bytes.ts' },
    format: ['cjs'],
    dts: false,
    clean: false,
  }),
]);
