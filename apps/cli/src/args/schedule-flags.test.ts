// --lr-schedule and --clip: parsing, errors that say what was wrong, and the schedules over
// updates worked by hand from epochs × batches.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../exit-codes';
import { formatSchedule, parseClip, parseSchedule, scheduleOf } from './schedule-flags';

describe('--lr-schedule', () => {
  it('parses the three kinds', () => {
    expect(parseSchedule('step:10:0.5')).toEqual({ kind: 'step', every: 10, factor: 0.5 });
    expect(parseSchedule('exp:0.95')).toEqual({ kind: 'exp', factor: 0.95 });
    expect(parseSchedule('cosine:warmup=5')).toEqual({ kind: 'cosine', warmup: 5, final: 0 });
    expect(parseSchedule('cosine')).toEqual({ kind: 'cosine', warmup: 0, final: 0 });
  });
  it('counts epochs in updates: step every 2 epochs of 3 batches halves after update 6', () => {
    const schedule = scheduleOf(parseSchedule('step:2:0.5'), { learningRate: 0.1, batches: 3, epochs: 10 });
    expect([0, 5, 6, 11, 12].map(schedule)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    const exp = scheduleOf(parseSchedule('exp:0.5'), { learningRate: 0.1, batches: 4, epochs: 10 });
    expect(exp(8)).toBe(0.025); // two epochs: 0.1 · 0.5²
  });
  it('cosine warms up over its epochs and ends at the last epoch of the run', () => {
    // 2 warm-up epochs of 5 batches, 10 epochs: peak at update 10, half at 10 + 40/2 = 30.
    const schedule = scheduleOf(parseSchedule('cosine:warmup=2'), {
      learningRate: 0.2,
      batches: 5,
      epochs: 10,
    });
    expect(schedule(5)).toBeCloseTo(0.1, 15);
    expect(schedule(10)).toBe(0.2);
    expect(schedule(30)).toBeCloseTo(0.1, 15);
    expect(schedule(50)).toBeCloseTo(0, 15);
  });
  it('writes the cosine length into the recorded text', () => {
    expect(formatSchedule(parseSchedule('cosine:warmup=5'), 20)).toBe('cosine:warmup=5:final=0:epochs=20');
    expect(formatSchedule(parseSchedule('cosine:warmup=5:final=0:epochs=20'), 99)).toBe(
      'cosine:warmup=5:final=0:epochs=20',
    );
    expect(formatSchedule(parseSchedule('step:3:0.1'), 20)).toBe('step:3:0.1');
  });
  it('says what was wrong, with a suggestion', () => {
    expect(() => parseSchedule('cosin:warmup=5')).toThrow(UsageError);
    expect(() => parseSchedule('cosin:warmup=5')).toThrow(
      /unknown schedule "cosin"; did you mean "cosine"\?/,
    );
    expect(() => parseSchedule('cosine:warmpu=5')).toThrow(
      /unknown cosine setting "warmpu"; did you mean "warmup"\?/,
    );
    expect(() => parseSchedule('step:0:0.5')).toThrow(
      /the period must be a whole number of epochs ≥ 1, got "0"/,
    );
    expect(() => parseSchedule('step:10')).toThrow(/step takes an epoch count and a factor/);
    expect(() => parseSchedule('exp:-1')).toThrow(/the factor must be a number > 0, got "-1"/);
    expect(() =>
      scheduleOf(parseSchedule('cosine:warmup=5'), { learningRate: 0.1, batches: 2, epochs: 5 }),
    ).toThrow(/the run has 5 epochs, not more than the warm-up's 5/);
  });
});

describe('--clip', () => {
  it('builds the clipping transform', () => {
    expect(parseClip('norm:1').name).toBe('clip-by-global-norm');
    expect(parseClip('value:0.5').name).toBe('clip-by-value');
  });
  it('says what was wrong, with a suggestion', () => {
    expect(() => parseClip('nrom:1')).toThrow(/unknown kind "nrom"; did you mean "norm"\?/);
    expect(() => parseClip('norm:0')).toThrow(/--clip norm needs a bound > 0/);
    expect(() => parseClip('value')).toThrow(/--clip value needs a bound > 0/);
  });
});
