import { describe, expect, it } from 'vitest';
import { DigitsSession } from './digits-session';

describe('DigitsSession', () => {
  it('learns the digits and classifies a test image with probabilities', async () => {
    const session = await DigitsSession.load({
      hidden: 16,
      trainSize: 2000,
      testSize: 500,
      learningRate: 0.01,
      batchSize: 32,
      seed: 3,
    });
    const before = session.net.evaluate(session.test.x, session.test.y).accuracy;
    const accuracy = await session.trainEpoch();
    await session.trainEpoch();
    expect(before).toBeLessThan(0.3);
    expect(accuracy).toBeGreaterThan(0.7);
    const image = session.test.x.data.subarray(0, 784);
    const probabilities = session.classify(image);
    expect(probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(probabilities).toEqual(Array.from(session.net.predict({ rows: 1, cols: 784, data: image }).data));
  });

  it('pictures hidden unit j as row j of Θ(1) without the bias weight', async () => {
    const session = await DigitsSession.load({
      hidden: 4,
      trainSize: 10,
      testSize: 10,
      learningRate: 0.01,
      batchSize: 10,
      seed: 1,
    });
    const theta = session.net.thetas[0]!;
    const images = session.hiddenImages();
    expect(images.map((image) => image.length)).toEqual([784, 784, 784, 784]);
    expect(images[2]![0]).toBe(Math.fround(theta.data[2 * 785 + 1]!));
    expect(images[3]![783]).toBe(Math.fround(theta.data[4 * 785 - 1]!));
  });
});
