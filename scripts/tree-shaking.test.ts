// Importing one plugin must not pull in its siblings: each package is bundled from its built
// dist with a single named import, and the bundle must not contain the other plugins' names.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: new URL('../apps/cli', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minifySyntax: true,
    treeShaking: true,
  });
  return result.outputFiles[0]!.text;
}

describe('tree shaking', () => {
  it('keeps only the imported activation', async () => {
    const code = await bundle(`import { sigmoid } from '@deltanet/activations'; console.log(sigmoid);`);
    expect(code).toContain('"sigmoid"');
    for (const other of ['softplus', 'leaky-relu', 'gelu', 'softmax'])
      expect(code).not.toContain(`"${other}"`);
  });

  it('keeps only the imported loss', async () => {
    const code = await bundle(`import { l2 } from '@deltanet/losses'; console.log(l2);`);
    for (const other of ['cross-entropy', 'mean-squared-error', 'l1'])
      expect(code).not.toContain(`"${other}"`);
  });

  it('keeps only the imported layer', async () => {
    const code = await bundle(`import { dense } from '@deltanet/layers'; console.log(dense);`);
    expect(code).toContain('"dense"');
    for (const other of ['batch-norm', 'dropout']) expect(code).not.toContain(`"${other}"`);
  });

  it('keeps only the imported optimizer', async () => {
    const code = await bundle(`import { sgd } from '@deltanet/optimizers'; console.log(sgd);`);
    for (const other of ['adam', 'lbfgs', 'conjugate-gradient', 'rmsprop'])
      expect(code).not.toContain(`"${other}"`);
  });

  it('keeps the MNIST images out of the 2-D sets', async () => {
    const code = await bundle(`import { circle } from '@deltanet/data'; console.log(circle);`);
    expect(code.length).toBeLessThan(200_000);
  });
});
