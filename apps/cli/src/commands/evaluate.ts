// `deltanet evaluate --model m.json <data>`: J with and without the λ term; for a classifier
// accuracy, per-class precision and recall and the confusion matrix; for a regression RMSE,
// MAE and R² against predicting the training mean.

import { predictedClasses } from '@deltanet/backprop';
import { applyStandardizer } from '@deltanet/data';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags } from '../args/flags';
import { datasetNames } from '../data/datasets';
import { modelAndRows, readFlags } from '../data/model-data';
import { undoStandardizer } from '../data/targets';
import type { Io } from '../io';
import { classFigures, columnMeans, confusionMatrix, regressionFigures } from '../metrics';
import { eventSink } from '../output/events';
import { table } from '../output/table';
import { warner } from '../output/warn';
import { percent } from '../progress';

export const evaluateFlags = {
  model: { type: 'string', value: '<model.json>', help: 'the trained model (required)' },
  ...readFlags,
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet evaluate --model <model.json> <dataset | file | ->',
  description: `Scores a trained model on labelled rows: the cost J with and without the λ term; for a classifier
accuracy, per-class precision, recall and F1, and the confusion matrix (rows: true class, columns:
predicted); for a regression (--label-mode value) RMSE, MAE and R², with the RMSE of predicting
the training targets' mean as a baseline. A file is read the way the training file was (same
columns, classes and normalization) unless --format, --delimiter or --no-header say otherwise;
- reads standard input; a dataset name (${datasetNames.join(', ')}) means its held-out split
under the model's seed.`,
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
  const events = eventSink(io.stdout, values.json === true);
  const { model, data } = await modelAndRows('evaluate', started, true, {
    acceptEdits: values['accept-edits'] === true,
    warn: warner(io, events),
  });
  const net = model.network;
  const { info } = model;
  // Regression when the model says so; older files: no classes and no labels.
  const regression =
    info.outputs === 'values' ||
    (info.outputs === undefined && data.labels === undefined && !info.classNames);
  const scaled = info.targetNormalization
    ? { x: data.x, y: applyStandardizer(data.y, info.targetNormalization) }
    : data;
  const figures = net.evaluate(scaled.x, scaled.y);
  const h = undoStandardizer(net.predict(data.x), info.targetNormalization);
  const regressionScores = regression
    ? regressionFigures(h, data.y, info.targetMean ?? columnMeans(data.y))
    : undefined;
  const names =
    info.classNames ?? (data.y.cols > 1 ? [...Array(data.y.cols).keys()].map(String) : ['0', '1']);
  const confusion = regression
    ? undefined
    : confusionMatrix(predictedClasses(data.y), predictedClasses(h), names.length);
  const perClass = confusion ? classFigures(confusion) : undefined;

  events.emit({
    event: 'result',
    command: 'evaluate',
    rows: data.x.rows,
    cost: figures.cost,
    dataCost: figures.dataCost,
    ...(!regression && { accuracy: figures.accuracy }),
    ...(regressionScores && { ...regressionScores }),
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
  ];
  if (regressionScores) {
    out.push(
      `RMSE: ${regressionScores.rmse.toPrecision(4)}`,
      `MAE: ${regressionScores.mae.toPrecision(4)}`,
      `R²: ${regressionScores.r2.toFixed(4)} (0 = predicting the training mean, 1 = exact)`,
      `baseline RMSE (predicting the training mean${info.targetMean ? '' : " — unknown, so these rows' mean"}): ${regressionScores.baselineRmse.toPrecision(4)}`,
    );
  }
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
