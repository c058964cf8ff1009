// Property tests of the CSV parser: numeric tables survive any legal quoting, and no input
// makes it fail with anything but a DataError that points inside the text.
import { DataError } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvOptions } from './csv';
import { parseCsv } from './csv';

/** How one cell is written: as is, quoted, padded with spaces, or both. */
const cellStyle = fc.constantFrom('plain', 'quoted', 'padded', 'padded-quoted');
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

function writeNumber(v: number, style: string): string {
  // String(−0) is "0"; writing "-0" checks that the sign survives too.
  const text = Object.is(v, -0) ? '-0' : String(v);
  if (style === 'quoted') return `"${text}"`;
  if (style === 'padded') return `  ${text} `;
  return style === 'padded-quoted' ? ` "${text}"  ` : text;
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Header names that need quoting: commas, quotes, line breaks; never blank or padded. */
const headerName = fc
  .string({
    unit: fc.constantFrom('a', 'b', 'Z', '_', ' ', ',', '"', '\n', '\r\n', 'é', '7'),
    minLength: 1,
    maxLength: 8,
  })
  .filter((s) => s.trim() === s && s !== '');

const table = fc.integer({ min: 1, max: 5 }).chain((cols) =>
  fc.record({
    rows: fc.array(
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: cols, maxLength: cols }),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    styles: fc.array(cellStyle, { minLength: 40, maxLength: 40 }),
    header: fc.option(fc.array(headerName, { minLength: cols, maxLength: cols }), { nil: undefined }),
    eol: lineEnd,
    trailing: fc.boolean(),
  }),
);

describe('parseCsv properties', () => {
  it('reads back every numeric table exactly, whatever the quoting, padding and line ends', () => {
    fc.assert(
      fc.property(table, ({ rows, styles, header, eol, trailing }) => {
        const lines = rows.map((row, i) =>
          row.map((v, j) => writeNumber(v, styles[(i * 7 + j) % 40]!)).join(','),
        );
        if (header) lines.unshift(header.map(quote).join(','));
        const text = lines.join(eol) + (trailing ? eol : '');
        const d = parseCsv(text, { label: null, header: header !== undefined });
        expect([d.x.rows, d.x.cols]).toEqual([rows.length, rows[0]!.length]);
        rows.flat().forEach((v, k) => {
          expect(Object.is(d.x.data[k], v)).toBe(true);
        });
        expect(d.featureNames).toEqual(header);
      }),
      { numRuns: 300 },
    );
  });

  it('maps text labels in the last column back to themselves through classNames', () => {
    const label = fc.string({ unit: fc.constantFrom('x', 'y', ',', '"', ' '), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -99, max: 99 }),
            label.filter((s) => /[xy]/.test(s)),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        (rows) => {
          const text = rows.map(([v, l]) => `${v},${quote(l)}`).join('\n');
          const d = parseCsv(text, { header: false });
          rows.forEach(([v, l], i) => {
            expect(d.x.data[i]).toBe(v);
            expect(d.classNames![d.labels![i]!]).toBe(l.trim());
          });
        },
      ),
    );
  });

  it('fails on arbitrary text only with a DataError that points inside the text', () => {
    const csvish = fc.string({
      unit: fc.constantFrom(',', ';', '"', '\n', '\r', ' ', '1', '2', '.', 'e', '-', 'a', 'N', '\uFEFF'),
      maxLength: 60,
    });
    const options: fc.Arbitrary<CsvOptions> = fc.record(
      {
        header: fc.constantFrom<NonNullable<CsvOptions['header']>>('auto', true, false),
        // Absent keys come from requiredKeys: [] (an explicit undefined is not an option value).
        label: fc.constantFrom<NonNullable<CsvOptions['label']> | null>(null, 0, 'a', [0]),
        labelMode: fc.constantFrom<NonNullable<CsvOptions['labelMode']>>('class', 'binary', 'value'),
        delimiter: fc.constantFrom(',', ';'),
        dtype: fc.constantFrom<NonNullable<CsvOptions['dtype']>>('float32', 'float64'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string({ unit: 'binary', maxLength: 60 })), options, (text, opts) => {
        let d: ReturnType<typeof parseCsv>;
        try {
          d = parseCsv(text, { ...opts, source: 'fuzz.csv' });
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
          const { file, line, column } = (error as DataError).location;
          expect(file).toBe('fuzz.csv');
          const lineCount = text.split(/\r\n|\n|\r/).length;
          if (line !== undefined) expect(line >= 1 && line <= lineCount).toBe(true);
          if (column !== undefined) expect(column).toBeGreaterThanOrEqual(1);
          return;
        }
        expect(d.x.data.length).toBe(d.x.rows * d.x.cols);
        expect(d.y.rows).toBe(d.x.rows);
        expect(d.x.data.every(Number.isFinite)).toBe(true);
        if (d.labels) expect(d.labels.length).toBe(d.x.rows);
      }),
      { numRuns: 2000 },
    );
  });
});
