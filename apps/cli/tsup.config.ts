import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The CLI is an app: one ESM entry with a shebang; packages stay external and load from dist.
export default defineConfig(
  packageBuild({
    entry: ['src/main.ts'],
    format: ['esm'],
    dts: false,
    define: { __VERSION__: JSON.stringify(version) },
  }),
);
