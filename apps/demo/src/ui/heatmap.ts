// Painting an n × n grid of values onto a canvas with the diverging palette.
import { divergingColor } from './colors';

/**
 * How grid values become colours: an output probability around ½, a regression output on
 * [−1, 1] around 0 (the targets' range), or a unit's own range.
 */
export type Scale = 'probability' | 'signed' | 'range';

/** Palette steps: 256 shades per side are more than the eye separates on a 36-pixel unit. */
const STEPS = 511;
// The pale palette as whole RGBA pixels (one 32-bit store per pixel, in the platform's byte
// order), t = −1..1 in STEPS steps: a frame paints dozens of heatmaps, and a table lookup with
// no arrays made per pixel keeps that cheap.
const palette = (() => {
  const bytes = new Uint8ClampedArray(4 * STEPS);
  for (let i = 0; i < STEPS; i++) {
    const [r, g, b] = divergingColor((2 * i) / (STEPS - 1) - 1);
    // A paler background than the points' own colours, so points stay visible on their class.
    bytes.set([pale(r), pale(g), pale(b), 255], 4 * i);
  }
  return new Uint32Array(bytes.buffer);
})();

/**
 * Draws `values` (n × n, row 0 at the top) into `canvas`, scaled up smoothly. 'probability'
 * maps 0 → orange, ½ → white, 1 → blue; 'signed' maps −1 → orange, 0 → white, 1 → blue (values
 * beyond ±1 take the end colours); 'range' maps the values' own min → orange, max → blue
 * (a constant unit is white), since hidden units of different activations span different ranges.
 */
export function paintHeatmap(canvas: HTMLCanvasElement, values: Float32Array, n: number, scale: Scale): void {
  let [lo, hi] = scale === 'signed' ? [-1, 1] : [0, 1];
  if (scale === 'range') {
    lo = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const flat = !(hi - lo > 1e-9);
  const { image, pixels, source } = scratch(n);
  const last = STEPS - 1;
  for (let i = 0; i < values.length; i++) {
    const t = flat ? 0.5 : (values[i]! - lo) / (hi - lo);
    // NaN (a diverged unit) paints as white, the palette's middle.
    pixels[i] = palette[t >= 0 ? (t <= 1 ? Math.round(t * last) : last) : t < 0 ? 0 : last >> 1]!;
  }
  source.getContext('2d')!.putImageData(image, 0, 0);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = true;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
}

// One image and one off-screen canvas per grid size, reused by every paint: playing redraws
// dozens of heatmaps a frame, and allocating them each time made the page's memory climb.
const scratches = new Map<number, { image: ImageData; pixels: Uint32Array; source: OffscreenCanvas }>();
function scratch(n: number) {
  let found = scratches.get(n);
  if (!found) {
    const image = new ImageData(n, n);
    found = { image, pixels: new Uint32Array(image.data.buffer), source: new OffscreenCanvas(n, n) };
    scratches.set(n, found);
  }
  return found;
}

function pale(channel: number): number {
  return channel + (255 - channel) * 0.3;
}
