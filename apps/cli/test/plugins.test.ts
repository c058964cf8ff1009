// A plugin module outside the repository, loaded with --plugin: verified, listed, shown in help,
// trained with, saved and loaded again; a wrong derivative is refused (or caught by gradcheck).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

// g(z) = z³/3 + z with g′(z) = z² + 1, and a copy whose derivative forgets the + 1.
const cube = (name: string, derivative: string) => `
export const ${name.replace('-', '_')} = {
  kind: 'activation',
  name: '${name}',
  description: 'g(z) = z³/3 + z',
  forward(z, out) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = z.data[i] ** 3 / 3 + z.data[i];
  },
  backward(z, _a, upstream, out) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = upstream.data[i] * (${derivative});
  },
};
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deltanet-plugin-'));
  writeFileSync(join(dir, 'cube.mjs'), cube('cube', 'z.data[i] ** 2 + 1'));
  writeFileSync(join(dir, 'bad-cube.mjs'), cube('bad-cube', 'z.data[i] ** 2'));
  writeFileSync(join(dir, 'nothing.mjs'), 'export const answer = 42;\n');
});

describe('--plugin', () => {
  it('is listed by plugins with the module it came from', () => {
    const result = runCli(['plugins', '--plugin', './cube.mjs'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}cube +g\(z\) = z³\/3 \+ z \(from \.\/cube\.mjs\)$/m);
  });

  it('appears among the choices in --help', () => {
    const result = runCli(['train', '--help', '--plugin', './cube.mjs'], { cwd: dir });
    expect(result.stdout).toMatch(/--activation[\s\S]*choices: cube, elu, gelu/);
  });

  it('trains, saves, and is named when a model needs it', () => {
    const trained = runCli(
      ['train', 'xor', '--plugin', './cube.mjs', '--activation', 'cube', '--quiet', '--out', 'cube.json'],
      {
        cwd: dir,
      },
    );
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(/test accuracy: [\d.]+%/);
    const inspected = runCli(['inspect', 'cube.json', '--plugin', './cube.mjs'], { cwd: dir });
    expect(inspected.stdout).toMatch(/cube +\(from \.\/cube\.mjs\)/);
    const missing = runCli(['inspect', 'cube.json'], { cwd: dir });
    expect(missing.code).toBe(7);
    expect(missing.stderr).toMatch(/unknown activation "cube".*trained with --plugin \.\/cube\.mjs/);
  });

  it('refuses a plugin whose derivative is wrong, naming the check that failed', () => {
    const result = runCli(['plugins', '--plugin', './bad-cube.mjs'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/activation "bad-cube" failed its derivative check:\n {2}gradient:/);
  });

  it('gradcheck catches the wrong derivative when it is loaded anyway (exit 6)', () => {
    const result = runCli(
      [
        'gradcheck',
        '--plugin',
        './bad-cube.mjs',
        '--unverified-plugins',
        '--activation',
        'bad-cube',
        '--output-activation',
        'sigmoid',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(6);
    expect(result.stdout).toMatch(/gradient check FAILED/);
    expect(result.stdout).toMatch(/Θ\(1\)\s+\d+\s+\d+/);
  });

  it('names a module that cannot be imported or exports no plugin', () => {
    const missing = runCli(['plugins', '--plugin', './nope.mjs'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--plugin \.\/nope\.mjs: cannot import it/);
    const empty = runCli(['plugins', '--plugin', './nothing.mjs'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--plugin \.\/nothing\.mjs: exports no plugin/);
  });
});

describe('gradcheck', () => {
  it("passes on the course's 3-5-3 network, naming the worst entries", () => {
    const result = runCli(['gradcheck', '--lambda', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /network 3-5-3 \(sigmoid, sigmoid; cross-entropy; λ = 3\), 5 examples, 38 weights/,
    );
    const difference = Number(/‖n − a‖\/‖n \+ a‖: ([\d.e+-]+)/.exec(result.stdout)![1]);
    expect(difference).toBeLessThan(1e-9);
    expect(result.stdout.match(/^ {2}Θ\([12]\)/gm)).toHaveLength(5);
  });
});
