import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The bench is an app: one ESM entry; packages and peers stay external and load from node_modules.
export default defineConfig(packageBuild({ entry: ['src/main.ts'], format: ['esm'], dts: false }));
