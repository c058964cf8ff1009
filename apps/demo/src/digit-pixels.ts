// A drawing turned into an MNIST-style input: the ink's bounding box scaled to fit 20 × 20
// (aspect kept), then placed in 28 × 28 with its centre of mass at the centre, as LeCun et al.
// prepared the digits — without this a digit drawn small or off-centre is misread.

/** Side of an MNIST image. */
export const digitSide = 28;
const box = 20;
/** Ink below this intensity is background (antialiasing fringes). */
const inkThreshold = 0.05;

/**
 * 784 pixels in [0, 1] (row-major 28 × 28) from a width × height drawing whose pixels hold ink
 * intensity in [0, 1]; all zeros for an empty drawing.
 *
 * @example
 * const x = digitPixels(intensity, 280, 280); // feed as one row to a 784-input network
 */
export function digitPixels(intensity: ArrayLike<number>, width: number, height: number): Float64Array {
  if (intensity.length !== width * height) {
    throw new RangeError(
      `digitPixels: ${width} × ${height} needs ${width * height} values, got ${intensity.length}`,
    );
  }
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (intensity[y * width + x]! > inkThreshold) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  const out = new Float64Array(digitSide * digitSide);
  if (right < 0) return out;
  const scale = box / Math.max(right - left + 1, bottom - top + 1);
  const w = Math.max(1, Math.round((right - left + 1) * scale));
  const h = Math.max(1, Math.round((bottom - top + 1) * scale));
  // Area average: every source pixel lands in one target cell; a cell holds its pixels' mean.
  const sum = new Float64Array(w * h);
  const count = new Float64Array(w * h);
  for (let y = top; y <= bottom; y++) {
    const ty = Math.min(h - 1, Math.floor((y - top) * scale));
    for (let x = left; x <= right; x++) {
      const cell = ty * w + Math.min(w - 1, Math.floor((x - left) * scale));
      sum[cell]! += intensity[y * width + x]!;
      count[cell]!++;
    }
  }
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < w * h; i++) {
    const v = count[i]! > 0 ? sum[i]! / count[i]! : 0;
    sum[i] = v;
    mass += v;
    mx += v * ((i % w) + 0.5);
    my += v * (Math.floor(i / w) + 0.5);
  }
  const place = (centre: number, size: number) =>
    Math.min(digitSide - size, Math.max(0, Math.round(digitSide / 2 - centre)));
  const ox = place(mx / mass, w);
  const oy = place(my / mass, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[(oy + y) * digitSide + ox + x] = Math.min(1, sum[y * w + x]!);
  }
  return out;
}
