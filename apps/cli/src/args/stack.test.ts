import { builtinRegistry } from '@deltanet/backprop';
import { UnknownPluginError } from '@deltanet/contract';
import { describe, expect, it } from 'vitest';
import { stackEntries } from './stack';

const registry = builtinRegistry();

describe('stackEntries', () => {
  it('reads sizes, layer names and options, and the dropout rate shorthand', () => {
    expect(stackEntries('--layers', '784,dropout:0.2,96,batch-norm,10', registry)).toEqual([
      784,
      { name: 'dropout', options: { rate: 0.2 } },
      96,
      'batch-norm',
      10,
    ]);
    expect(stackEntries('--hidden', '8,batch-norm:momentum=0.9:epsilon=0.01,8', registry)).toEqual([
      8,
      { name: 'batch-norm', options: { momentum: 0.9, epsilon: 0.01 } },
      8,
    ]);
    expect(stackEntries('--hidden', '25,25', registry)).toEqual([25, 25]);
    expect(stackEntries('--hidden', '', registry)).toEqual([]);
  });

  it('gives the registry error for an unknown name and a clear error for a bad rate', () => {
    expect(() => stackEntries('--layers', '784,dropuot:0.2,10', registry)).toThrow(UnknownPluginError);
    expect(() => stackEntries('--layers', '784,dropout:1.5,10', registry)).toThrow(
      '--layers: entry 2 (dropout:1.5): dropout rate must be in [0, 1), got 1.5',
    );
    expect(() => stackEntries('--layers', '784,batch-norm:0.9,10', registry)).toThrow(
      /name the option as batch-norm:key=value \(options: momentum, epsilon\)/,
    );
    expect(() => stackEntries('--hidden', '0', registry)).toThrow(
      '--hidden must be a whole number ≥ 1, got "0"',
    );
  });
});
