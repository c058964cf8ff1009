import type { OptimizerState } from '@deltanet/contract';
import { FormatError } from '@deltanet/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserializeState, serializeState } from './serialize-state';

const bytes = (x: Float32Array | Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
const throughJson = (state: OptimizerState) =>
  deserializeState(JSON.parse(JSON.stringify(serializeState(state))));

describe('serializeState / deserializeState', () => {
  it('writes arrays as { dtype, values } and keeps −0, NaN and ±Infinity as strings', () => {
    const state = { step: 3, m: new Float32Array([0.5, -0, Number.NaN, -Infinity]) };
    expect(JSON.stringify(serializeState(state))).toBe(
      '{"step":3,"m":{"dtype":"float32","values":[0.5,"-0","NaN","-Infinity"]}}',
    );
  });

  it('round-trips any state through JSON bit for bit, in both precisions', () => {
    const float64 = fc.array(fc.double()).map((v) => Float64Array.from(v));
    const float32 = fc.array(fc.float()).map((v) => Float32Array.from(v));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.double(), float64, float32)), (state) => {
        const back = throughJson(state);
        expect(Object.keys(back)).toEqual(Object.keys(state));
        for (const [key, value] of Object.entries(state)) {
          const restored = back[key]!;
          if (typeof value === 'number') {
            expect(Object.is(restored, value)).toBe(true);
          } else {
            expect(restored.constructor).toBe(value.constructor);
            expect(bytes(restored as Float64Array)).toEqual(bytes(value));
          }
        }
      }),
    );
  });

  it('keeps a key named __proto__ as an ordinary field (no prototype change)', () => {
    const state = deserializeState(JSON.parse('{"__proto__": 3, "m": {"dtype": "float64", "values": [1]}}'));
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    expect(Object.keys(state)).toEqual(['__proto__', 'm']);
    expect(Object.keys(serializeState(state))).toEqual(['__proto__', 'm']);
  });

  it('names the field that does not fit', () => {
    expect(() => deserializeState({ m: { dtype: 'int8', values: [] } })).toThrow(FormatError);
    expect(() => deserializeState({ m: { dtype: 'int8', values: [] } })).toThrow(
      'state.m.dtype: expected "float32" or "float64", got "int8"',
    );
    expect(() => deserializeState({ m: { dtype: 'float64', values: [1, 'x'] } })).toThrow(
      'state.m.values[1]',
    );
    expect(() => deserializeState({ step: null })).toThrow('state.step: expected a number');
    expect(() => deserializeState([1, 2])).toThrow('state: expected an object, got an array');
  });
});
