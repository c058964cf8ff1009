// `deltanet predict --model m.json <data>`: one output row per input row, in order, with the
// predicted class and the outputs (probabilities, per-class scores or values), as CSV or NDJSON.

import { predictedClasses } from '@deltanet/backprop';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags, text } from '../args/flags';
import { looksLikeFile } from '../data/files';
import { dataForModel, modelArgs, readFlags, readOverrides } from '../data/model-data';
import { undoStandardizer } from '../data/targets';
import { outputFiles } from '../files';
import type { Io } from '../io';
import { readModel } from '../model/files';
import { csvNumber, csvText } from '../output/csv';
import { eventSink } from '../output/events';
import { warner } from '../output/warn';
import { pluginInputs } from '../plugins/load';

export const predictFlags = {
  model: { type: 'string', value: '<model.json>', help: 'the trained model (required)' },
  out: {
    type: 'string',
    value: '<file.csv>',
    help: 'write the CSV here (atomically; never over a file the command reads) instead of stdout',
  },
  force: { type: 'boolean', help: 'let --out replace a model file' },
  ...readFlags,
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet predict --model <model.json> <dataset | file | ->',
  description: `Runs a trained model forward on every row of a file (- reads standard input; label columns,
if present, are ignored) and prints exactly one line per input row, in order: the predicted class
and the output of every output unit. A softmax classifier's columns are p(class), probabilities
that sum to 1; the course's one-sigmoid-per-class networks (the digits job) give score(class),
each in [0, 1] but not a distribution; a regression gives its values in the targets' units.
CSV by default (class names that look like spreadsheet formulas are prefixed with '); --json
gives one "prediction" event per row.`,
  examples: [
    'deltanet predict --model iris.json new-flowers.csv',
    'deltanet predict --model iris.json new-flowers.csv --out predictions.csv',
    'cat new-flowers.tsv | deltanet predict --model iris.json - --delimiter "\t"',
    'deltanet predict --model digits.json digits --json | head -3',
  ],
};

export async function predict(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, predictFlags, help, io);
  if (!started) return 0;
  const { values } = started;
  const paths = modelArgs('predict', started);
  const out = text(values, 'out');
  const files = await outputFiles(
    [
      { role: '--model', path: paths.model },
      ...(looksLikeFile(paths.data) && paths.data !== '-'
        ? [{ role: 'the data file', path: paths.data }]
        : []),
      ...pluginInputs(values),
    ],
    out ? [{ role: '--out', path: out, kind: 'predictions' }] : [],
    { force: values.force === true },
  );
  const warn = warner(io, eventSink(io.stdout, values.json === true));
  const model = await readModel(paths.model, started.registry, {
    acceptEdits: values['accept-edits'] === true,
    warn,
  });
  const data = await dataForModel(paths.data, model, false, readOverrides(values));
  const h = undoStandardizer(model.network.predict(data.x), model.info.targetNormalization);
  const names = model.info.classNames;
  const classes = names ? predictedClasses(h) : undefined;
  const k = h.cols;
  const outputs = (i: number) => Array.from(h.data.subarray(i * k, (i + 1) * k));

  if (values.json === true) {
    const events = eventSink(io.stdout, true);
    for (let i = 0; i < h.rows; i++) {
      events.emit({
        event: 'prediction',
        row: i + 1,
        ...(classes && { class: names![classes[i]!]! }),
        outputs: outputs(i),
      });
    }
    return 0;
  }
  // Files from before `outputs` was saved: a classifier's columns were called probabilities.
  const column = model.info.outputs === 'scores' ? 'score' : 'p';
  const heading = names
    ? ['class', ...(k === 1 ? [`p(${names[1] ?? '1'})`] : names.map((name) => `${column}(${name})`))]
    : valueNames(model.info.read?.label, k);
  const lines = [heading.map(csvText).join(',')];
  for (let i = 0; i < h.rows; i++) {
    const cells = outputs(i).map(csvNumber);
    lines.push((classes ? [csvText(names![classes[i]!]!), ...cells] : cells).join(','));
  }
  const csv = `${lines.join('\n')}\n`;
  if (out) {
    await files.write(out, csv);
    if (values.quiet !== true) io.stderr.write(`wrote ${h.rows} predictions to ${out}\n`);
  } else io.stdout.write(csv);
  return 0;
}

/** A regression's columns: the label columns' names when the model has them, else output1…k. */
function valueNames(label: unknown, k: number): string[] {
  const names = [label].flat();
  return names.length === k && names.every((name) => typeof name === 'string')
    ? (names as string[])
    : [...Array(k).keys()].map((j) => `output${j + 1}`);
}
