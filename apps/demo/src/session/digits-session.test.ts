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

describe('DigitsSession: what the page shows about one image and the mistakes', () => {
  it('gives a(2) = sigmoid(Θ(1)·[1; x]) per hidden unit, computed here by hand', async () => {
    const session = await DigitsSession.load({
      hidden: 6,
      trainSize: 10,
      testSize: 50,
      learningRate: 0.01,
      batchSize: 10,
      seed: 2,
    });
    const image = session.test.x.data.subarray(3 * 784, 4 * 784);
    const theta = session.net.thetas[0]!;
    const expected = Array.from({ length: 6 }, (_, j) => {
      let z = theta.data[j * 785]!;
      for (let k = 0; k < 784; k++) z += theta.data[j * 785 + 1 + k]! * image[k]!;
      return 1 / (1 + Math.exp(-z));
    });
    const shown = session.hiddenActivations(image);
    shown.forEach((a, j) => expect(a).toBeCloseTo(expected[j]!, 12));
  });

  it('lists the misclassified test digits with the argmax of h as the prediction', async () => {
    const session = await DigitsSession.load({
      hidden: 8,
      trainSize: 300,
      testSize: 200,
      learningRate: 0.01,
      batchSize: 32,
      seed: 5,
    });
    await session.trainEpoch();
    const accuracy = session.net.evaluate(session.test.x, session.test.y).accuracy;
    const all = session.misclassified(1000);
    expect(all.length).toBe(Math.round((1 - accuracy) * 200));
    for (const { index, pixels, label, predicted } of all.slice(0, 5)) {
      const h = session.classify(pixels);
      expect(predicted).toBe(h.indexOf(Math.max(...h)));
      expect(label).toBe(session.test.labels![index]);
      expect(predicted).not.toBe(label);
    }
    expect(session.misclassified(3).length).toBe(Math.min(3, all.length));
  });
});
