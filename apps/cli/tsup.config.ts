import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The CLI is an app: one ESM entry with a shebang; packages stay external and load from dist.
export default defineConfig(packageBuild({ entry: ['src/main.ts'], format: ['esm'], dts: false }));
