// `deltanet predict --model m.json <data>`: one output row per input row, in order, with the
// predicted class and the outputs (probabilities for a classifier), as CSV or NDJSON.

import { predictedClasses } from '@deltanet/backprop';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags, text } from '../args/flags';
import { modelAndRows } from '../data/model-data';
import { writeFileAtomic } from '../files';
import type { Io } from '../io';
import { eventSink } from '../output/events';

export const predictFlags = {
  model: { type: 'string', value: '<model.json>', help: 'the trained model (required)' },
  out: { type: 'string', value: '<file.csv>', help: 'write the CSV here (atomically) instead of stdout' },
  ...commonFlags,
} as const satisfies Flags;

const help = {
  usage: 'deltanet predict --model <model.json> <dataset | file>',
  description: `Runs a trained model forward on every row of a file (label columns, if present, are ignored)
and prints exactly one line per input row, in order: the predicted class and the output of every
output unit (for a classifier, the probability of each class). CSV by default; --json gives one
"prediction" event per row.`,
  examples: [
    'deltanet predict --model iris.json new-flowers.csv',
    'deltanet predict --model iris.json new-flowers.csv --out predictions.csv',
    'deltanet predict --model digits.json digits --json | head -3',
  ],
};

export async function predict(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, predictFlags, help, io);
  if (!started) return 0;
  const { values } = started;
  const { model, data } = await modelAndRows('predict', started, false);
  const h = model.network.predict(data.x);
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
  const heading = names
    ? ['class', ...(k === 1 ? [`p(${names[1] ?? '1'})`] : names.map((name) => `p(${name})`))]
    : [...Array(k).keys()].map((j) => `output${j + 1}`);
  const lines = [heading.map(csvField).join(',')];
  for (let i = 0; i < h.rows; i++) {
    const cells = outputs(i).map(String);
    lines.push((classes ? [csvField(names![classes[i]!]!), ...cells] : cells).join(','));
  }
  const csv = `${lines.join('\n')}\n`;
  const out = text(values, 'out');
  if (out) {
    await writeFileAtomic(out, csv);
    if (values.quiet !== true) io.stderr.write(`wrote ${h.rows} predictions to ${out}\n`);
  } else io.stdout.write(csv);
  return 0;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
