// `deltanet evaluate --model m.json <data>`: J with and without the λ term, accuracy, per-class
// precision and recall, and the confusion matrix.

import { predictedClasses } from '@deltanet/backprop';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags } from '../args/flags';
import { datasetNames } from '../data/datasets';
import { modelAndRows } from '../data/model-data';
import type { Io } from '../io';
import { classFigures, confusionMatrix, rootMeanSquaredError } from '../metrics';
import { eventSink } from '../output/events';
import { table } from '../output/table';
import { percent } from '../progress';

export const evaluateFlags = {
  model: { type: 'string', value: '<model.json>', help: 'the trained model (required)' },
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet evaluate --model <model.json> <dataset | file>',
  description: `Scores a trained model on labelled rows: the cost J with and without the λ term, accuracy,
per-class precision, recall and F1, and the confusion matrix (rows: true class, columns: predicted).
A file is read the way the training file was (same columns, classes and normalization);
a dataset name (${datasetNames.join(', ')}) means its held-out split under the model's seed.`,
  examples: [
    'deltanet evaluate --model digits.json digits',
    'deltanet evaluate --model iris.json iris-test.csv',
    'deltanet evaluate --model iris.json iris-test.csv --json',
  ],
};

export async function evaluate(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, evaluateFlags, help, io);
  if (!started) return 0;
  const { values } = started;
  const { model, data } = await modelAndRows('evaluate', started, true);
  const net = model.network;
  const figures = net.evaluate(data.x, data.y);
  const h = net.predict(data.x);
  // Classes come with labels (or the model's class names); anything else is regression.
  const classification = data.labels !== undefined || model.info.classNames !== undefined;
  const rmse = classification ? undefined : rootMeanSquaredError(h, data.y);
  const names =
    model.info.classNames ?? (data.y.cols > 1 ? [...Array(data.y.cols).keys()].map(String) : ['0', '1']);
  const confusion = classification
    ? confusionMatrix(predictedClasses(data.y), predictedClasses(h), names.length)
    : undefined;
  const perClass = confusion ? classFigures(confusion) : undefined;

  eventSink(io.stdout, values.json === true).emit({
    event: 'result',
    command: 'evaluate',
    rows: data.x.rows,
    cost: figures.cost,
    dataCost: figures.dataCost,
    ...(classification && { accuracy: figures.accuracy }),
    ...(rmse !== undefined && { rmse }),
    ...(perClass && {
      classes: perClass.map((f, k) => ({ class: names[k]!, ...f })),
      confusion: confusion!,
    }),
  });
  if (values.json === true) return 0;
  const out: string[] = [
    `rows: ${data.x.rows}`,
    `cost J: ${figures.cost.toFixed(6)} (λ = ${net.lambda})`,
    `cost without the λ term: ${figures.dataCost.toFixed(6)}`,
    ...(rmse !== undefined ? [`RMSE: ${rmse.toPrecision(4)}`] : []),
  ];
  if (perClass && confusion) {
    out.push(`accuracy: ${percent(figures.accuracy)}`, '', 'per class:');
    out.push(
      table([
        ['class', 'precision', 'recall', 'f1', 'support'],
        ...perClass.map((f, k) => [
          names[k]!,
          f.precision.toFixed(4),
          f.recall.toFixed(4),
          f.f1.toFixed(4),
          String(f.support),
        ]),
      ]),
      '',
      'confusion matrix (rows: true class, columns: predicted):',
      table([['', ...names], ...confusion.map((row, k) => [names[k]!, ...row.map(String)])]),
    );
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
