import { DataError } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from './jsonl';

describe('parseJsonLines properties', () => {
  it('reads back generated objects exactly', () => {
    const row = fc.record({
      a: fc.double({ noNaN: true, noDefaultInfinity: true }),
      b: fc.integer(),
      label: fc.string().filter((s) => s.trim() !== ''),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), (rows) => {
        const d = parseJsonLines(rows.map((r) => JSON.stringify(r)).join('\n'));
        rows.forEach((r, i) => {
          // JSON writes −0 as 0, so compare with == semantics for zero.
          expect(d.x.data[2 * i]).toBe(r.a === 0 ? 0 : r.a);
          expect(d.x.data[2 * i + 1]).toBe(r.b);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('fails on arbitrary text only with a DataError', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\n', '1', 'a', 'label', 'null', ' '),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json(), fc.string({ unit: 'binary' })), (text) => {
        try {
          const d = parseJsonLines(text);
          expect(d.y.rows).toBe(d.x.rows);
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
