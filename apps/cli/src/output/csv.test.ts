import { describe, expect, it } from 'vitest';
import { csvNumber, csvText } from './csv';

describe('CSV cells', () => {
  it("prefix text that a spreadsheet would run as a formula with ' (OWASP CSV injection)", () => {
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvText('+1+2')).toBe("'+1+2");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tcmd')).toBe("'\tcmd");
    expect(csvText('setosa')).toBe('setosa');
  });

  it('quote delimiters, quotes and line breaks (RFC 4180)', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
  });

  it('write numbers as numbers, negative ones included', () => {
    expect(csvNumber(-0.25)).toBe('-0.25');
    expect(csvNumber(1e-7)).toBe('1e-7');
  });
});
