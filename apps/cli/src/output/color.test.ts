import { describe, expect, it } from 'vitest';
import { colorEnabled } from './color';

const terminal = { write: () => {}, isTTY: true };
const pipe = { write: () => {}, isTTY: false };

describe('color', () => {
  it('is on for a terminal, off under NO_COLOR (any value, even empty), TERM=dumb or a pipe', () => {
    expect(colorEnabled(terminal, {})).toBe(true);
    expect(colorEnabled(terminal, { NO_COLOR: '' })).toBe(false);
    expect(colorEnabled(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(terminal, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(pipe, {})).toBe(false);
  });
});
