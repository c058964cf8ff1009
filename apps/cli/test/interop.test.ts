// export and import from the shell: the ONNX file runs in ONNX Runtime on raw rows and predicts
// what `deltanet predict` does; TensorFlow.js and Octave files come back as working model files.
import { existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { irisFolder, irisRows } from './fixtures';
import { runCli } from './run-cli';

const schema = JSON.parse(readFileSync(new URL('../schema/events.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

let dir: string;
beforeAll(() => {
  dir = irisFolder();
  const trained = runCli(
    ['train', 'iris.csv', '--label', 'species', '--normalize', '--out', 'iris.json', '--quiet'],
    {
      cwd: dir,
    },
  );
  expect(trained.code).toBe(0);
});

/** `deltanet predict --json` outputs, one row per iris row. */
function predictions(model: string): number[][] {
  const result = runCli(['predict', '--model', model, 'iris-unlabelled.csv', '--json'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { outputs: number[] }).outputs);
}

describe('deltanet export', () => {
  it('writes an ONNX model that standardizes raw rows itself and predicts as deltanet does', async () => {
    const result = runCli(
      ['export', '--model', 'iris.json', '--format', 'onnx', '--out', 'iris.onnx', '--json'],
      {
        cwd: dir,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const event = JSON.parse(result.stdout);
    expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    expect(event).toMatchObject({
      command: 'export',
      format: 'onnx',
      files: ['iris.onnx'],
      layers: [4, 16, 3],
    });

    const session = await ort.InferenceSession.create(join(dir, 'iris.onnx'));
    const raw = Float64Array.from(irisRows.flatMap((r) => r.slice(0, 4) as number[]));
    const { output } = await session.run({ input: new ort.Tensor('float64', raw, [irisRows.length, 4]) });
    const expected = predictions('iris.json');
    const h = output!.data as Float64Array;
    expected.flat().forEach((e, i) => expect(Math.abs(h[i]! - e)).toBeLessThan(1e-12));
  });

  it('refuses to write over the model it reads, leaving it intact', () => {
    const before = readFileSync(join(dir, 'iris.json'), 'utf8');
    const result = runCli(['export', '--model', 'iris.json', '--format', 'octave', '--out', './iris.json'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out \.\/iris\.json is --model iris\.json \(the same file\)/);
    expect(readFileSync(join(dir, 'iris.json'), 'utf8')).toBe(before);
  });

  it('refuses the model through a symlink, and a deltanet model in the way unless --force', () => {
    symlinkSync('iris.json', join(dir, 'alias.onnx'));
    const aliased = runCli(['export', '--model', 'iris.json', '--format', 'onnx', '--out', 'alias.onnx'], {
      cwd: dir,
    });
    expect(aliased.code).toBe(2);
    expect(aliased.stderr).toMatch(/--out alias\.onnx is --model iris\.json \(the same file\)/);
    writeFileSync(join(dir, 'other-model.json'), readFileSync(join(dir, 'iris.json')));
    const args = ['export', '--model', 'iris.json', '--format', 'octave', '--out', 'other-model.json'];
    const refused = runCli(args, { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds a deltanet model.*pass --force/);
    expect(runCli([...args, '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'other-model.json'), 'utf8')).toMatch(/^# name: Theta1/m);
  });

  it('refuses a tfjs --out that is a file, and leaves no folder behind when it refuses', () => {
    const onFile = runCli(['export', '--model', 'iris.json', '--format', 'tfjs', '--out', 'iris.csv'], {
      cwd: dir,
    });
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(/--out iris\.csv is a file; the tfjs format writes a folder/);
    const missing = runCli(['export', '--model', 'nope.json', '--format', 'tfjs', '--out', 'fresh'], {
      cwd: dir,
    });
    expect(missing.code).not.toBe(0);
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
  });

  it('removes the tfjs folder it made when the format cannot hold the network (gelu)', () => {
    const trained = runCli(
      [
        'train',
        'iris.csv',
        '--label',
        'species',
        '--activation',
        'gelu',
        '--epochs',
        '2',
        '--out',
        'gelu.json',
        '--quiet',
      ],
      { cwd: dir },
    );
    expect(trained.code, trained.stderr).toBe(0);
    const result = runCli(['export', '--model', 'gelu.json', '--format', 'tfjs', '--out', 'gelu-tfjs'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gelu/);
    expect(existsSync(join(dir, 'gelu-tfjs'))).toBe(false);
  });

  it('names the formats when --format is wrong', () => {
    const result = runCli(['export', '--model', 'iris.json', '--format', 'pmml', '--out', 'x'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format must be one of onnx, tfjs, octave, got "pmml"/);
  });
});

describe('deltanet import', () => {
  it('brings a TensorFlow.js export back with its classes and normalization, predicting within float32 rounding', () => {
    expect(
      runCli(['export', '--model', 'iris.json', '--format', 'tfjs', '--out', 'tfjs'], { cwd: dir }).code,
    ).toBe(0);
    expect(statSync(join(dir, 'tfjs', 'weights.bin')).size).toBe(4 * (16 * 5 + 3 * 17));
    const result = runCli(['import', 'tfjs/model.json', '--out', 'from-tfjs.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'wrote from-tfjs.json: 4-16-3, sigmoid, softmax, loss softmax-cross-entropy\n',
    );
    const original = predictions('iris.json');
    predictions('from-tfjs.json')
      .flat()
      .forEach((v, i) => expect(Math.abs(v - original.flat()[i]!)).toBeLessThan(1e-5));
    const inspected = runCli(['inspect', 'from-tfjs.json'], { cwd: dir });
    expect(inspected.code).toBe(0);
  });

  it('brings Octave matrices back bit for bit, and gradcheck, evaluate and inspect work on them', () => {
    expect(
      runCli(['export', '--model', 'iris.json', '--format', 'octave', '--out', 'w.txt'], { cwd: dir }).code,
    ).toBe(0);
    const result = runCli(['import', 'w.txt', '--out', 'from-octave.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const thetas = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')).thetas;
    expect(thetas('from-octave.json')).toEqual(thetas('iris.json'));
    expect(runCli(['gradcheck', '--model', 'from-octave.json'], { cwd: dir }).stdout).toMatch(
      /gradient check passed/,
    );
    expect(runCli(['inspect', 'from-octave.json'], { cwd: dir }).code).toBe(0);
    // The Octave file holds Θ only, so this model takes standardized rows; evaluate still reads the file.
    expect(runCli(['evaluate', '--model', 'from-octave.json', 'iris.csv'], { cwd: dir }).stdout).toMatch(
      /^rows: 150$/m,
    );
  });

  it('refuses --out onto the file it imports or one of its weight files, before reading the weights', () => {
    const weights = readFileSync(join(dir, 'tfjs', 'weights.bin'));
    const onWeights = runCli(['import', 'tfjs/model.json', '--out', 'tfjs/weights.bin'], { cwd: dir });
    expect(onWeights.code).toBe(2);
    expect(onWeights.stderr).toMatch(
      /--out tfjs\/weights\.bin is its weight file .*weights\.bin \(the same file\)/,
    );
    expect(readFileSync(join(dir, 'tfjs', 'weights.bin'))).toEqual(weights);
    const onSource = runCli(['import', 'w.txt', '--out', './w.txt'], { cwd: dir });
    expect(onSource.code).toBe(2);
    expect(onSource.stderr).toMatch(/--out \.\/w\.txt is the imported file w\.txt \(the same file\)/);
  });

  it('names a layer TensorFlow.js wrote that deltanet cannot take, with exit code 3', () => {
    const model = JSON.parse(readFileSync(join(dir, 'tfjs', 'model.json'), 'utf8'));
    model.modelTopology.config.layers.splice(1, 0, {
      class_name: 'LayerNormalization',
      config: { name: 'ln' },
    });
    const path = join(dir, 'tfjs', 'bad.json');
    writeFileSync(path, JSON.stringify(model));
    const result = runCli(['import', path, '--out', 'bad-out.json'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/layers\[1\]: layer "ln" \(LayerNormalization\) has no deltanet form/);
  });
});

describe('export and import of a model with dropout and batch-norm', () => {
  beforeAll(() => {
    const trained = runCli(
      [
        ...[
          'train',
          'iris.csv',
          '--label',
          'species',
          '--normalize',
          '--hidden',
          '8,dropout:0.2,batch-norm,6',
        ],
        ...['--batch-size', '16', '--epochs', '30', '--out', 'layered.json', '--quiet'],
      ],
      { cwd: dir },
    );
    expect(trained.code, trained.stderr).toBe(0);
  });

  it('writes an ONNX model with the batch normalization in it that predicts as deltanet does', async () => {
    const result = runCli(
      ['export', '--model', 'layered.json', '--format', 'onnx', '--out', 'layered.onnx'],
      {
        cwd: dir,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('wrote layered.onnx (onnx, 4-8-dropout-batch-norm-6-3, float64)\n');
    const session = await ort.InferenceSession.create(join(dir, 'layered.onnx'));
    const raw = Float64Array.from(irisRows.flatMap((r) => r.slice(0, 4) as number[]));
    const { output } = await session.run({ input: new ort.Tensor('float64', raw, [irisRows.length, 4]) });
    const h = output!.data as Float64Array;
    predictions('layered.json')
      .flat()
      .forEach((e, i) => expect(Math.abs(h[i]! - e)).toBeLessThan(1e-12));
  });

  it('round-trips through TensorFlow.js with the same stack, predicting within float32 rounding', () => {
    const exported = runCli(
      ['export', '--model', 'layered.json', '--format', 'tfjs', '--out', 'layered-tfjs'],
      { cwd: dir },
    );
    expect(exported.code, exported.stderr).toBe(0);
    // TF.js layers models hold float32 weights, and the line says so of a float64 model.
    expect(exported.stdout).toBe(
      'wrote layered-tfjs/weights.bin, layered-tfjs/model.json (tfjs, 4-8-dropout-batch-norm-6-3, float32 weights of a float64 model)\n',
    );
    const result = runCli(['import', 'layered-tfjs/model.json', '--out', 'layered-back.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'wrote layered-back.json: 4-8-dropout-batch-norm-6-3, sigmoid, sigmoid, softmax, loss softmax-cross-entropy\n',
    );
    const original = predictions('layered.json').flat();
    predictions('layered-back.json')
      .flat()
      .forEach((v, i) => expect(Math.abs(v - original[i]!)).toBeLessThan(1e-5));
  });

  it('refuses Octave, naming the layer the format cannot hold, and writes nothing', () => {
    const result = runCli(
      ['export', '--model', 'layered.json', '--format', 'octave', '--out', 'layered.txt'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/spec.layers\[2\] is a "dropout" layer.*exportOnnx or exportTfjs/);
    expect(existsSync(join(dir, 'layered.txt'))).toBe(false);
  });
});
