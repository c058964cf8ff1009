import { describe, expect, it } from 'vitest';
import { digitPixels } from './digit-pixels';

/** A width × height drawing with ink 1 where `inked(x, y)`. */
function drawing(width: number, height: number, inked: (x: number, y: number) => boolean) {
  return Float32Array.from({ length: width * height }, (_, i) =>
    inked(i % width, Math.floor(i / width)) ? 1 : 0,
  );
}

function centreOfMass(pixels: Float64Array) {
  let [mass, mx, my] = [0, 0, 0];
  pixels.forEach((v, i) => {
    mass += v;
    mx += v * ((i % 28) + 0.5);
    my += v * (Math.floor(i / 28) + 0.5);
  });
  return [mx / mass, my / mass];
}

describe('digitPixels', () => {
  it('is all zeros for an empty drawing', () => {
    expect(digitPixels(new Float32Array(100 * 100), 100, 100).every((v) => v === 0)).toBe(true);
  });

  it('scales a tall stroke to 20 rows and centres it', () => {
    // A 20 × 200 bar in the top-left corner of 280 × 280: scale 20/200 gives 2 × 20 cells of ink.
    const pixels = digitPixels(
      drawing(280, 280, (x, y) => x < 20 && y < 200),
      280,
      280,
    );
    const inkRows = new Set<number>();
    const inkCols = new Set<number>();
    pixels.forEach((v, i) => {
      if (v > 0) {
        inkRows.add(Math.floor(i / 28));
        inkCols.add(i % 28);
      }
    });
    expect([inkRows.size, inkCols.size]).toEqual([20, 2]);
    expect(pixels.reduce((s, v) => s + v, 0)).toBeCloseTo(40, 10);
    expect(centreOfMass(pixels)).toEqual([14, 14]);
  });

  it('moves the centre of mass of an off-centre blob to within half a pixel of the middle', () => {
    const pixels = digitPixels(
      drawing(200, 150, (x, y) => (x - 160) ** 2 + (y - 30) ** 2 < 400),
      200,
      150,
    );
    const [cx, cy] = centreOfMass(pixels);
    expect(Math.abs(cx! - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy! - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...pixels)).toBeLessThanOrEqual(1);
  });

  it('checks the size', () => {
    expect(() => digitPixels(new Float32Array(10), 4, 4)).toThrow(/needs 16 values, got 10/);
  });
});
