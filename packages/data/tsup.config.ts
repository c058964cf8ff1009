import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// Two entries: the digits live apart so importing the 2-D sets never loads the mnist package.
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/digits.ts'] }));
