import { describe, expect, it } from 'vitest';
import { table } from './table';

describe('table', () => {
  it('pads columns to their widest cell, numbers to the right', () => {
    expect(
      table([
        ['class', 'support'],
        ['setosa', '50'],
        ['versicolor', '5'],
      ]),
    ).toBe(['  class       support', '  setosa           50', '  versicolor        5'].join('\n'));
  });

  it('aligns a column left when any cell below the heading is text', () => {
    expect(
      table(
        [
          ['version', '0.1.0'],
          ['data', 'iris.csv'],
        ],
        '',
      ),
    ).toBe('version  0.1.0\ndata     iris.csv');
  });
});
