// Painting an n × n grid of values onto a canvas with the diverging palette.
import { divergingColor } from './colors';

/** How grid values become [−1, 1]: an output probability around ½, or a unit's own range. */
export type Scale = 'probability' | 'range';

/**
 * Draws `values` (n × n, row 0 at the top) into `canvas`, scaled up smoothly. 'probability'
 * maps 0 → orange, ½ → white, 1 → blue; 'range' maps the values' own min → orange, max → blue
 * (a constant unit is white), since hidden units of different activations span different ranges.
 */
export function paintHeatmap(canvas: HTMLCanvasElement, values: Float32Array, n: number, scale: Scale): void {
  let [lo, hi] = [0, 1];
  if (scale === 'range') {
    lo = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const flat = !(hi - lo > 1e-9);
  const { image, source } = scratch(n);
  const data = image.data;
  for (let i = 0; i < values.length; i++) {
    const [r, g, b] = divergingColor(flat ? 0 : (2 * (values[i]! - lo)) / (hi - lo) - 1);
    // A paler background than the points' own colours, so points stay visible on their class.
    data[4 * i] = pale(r);
    data[4 * i + 1] = pale(g);
    data[4 * i + 2] = pale(b);
    data[4 * i + 3] = 255;
  }
  source.getContext('2d')!.putImageData(image, 0, 0);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = true;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
}

// One image and one off-screen canvas per grid size, reused by every paint: playing redraws
// dozens of heatmaps a frame, and allocating them each time made the page's memory climb.
const scratches = new Map<number, { image: ImageData; source: OffscreenCanvas }>();
function scratch(n: number) {
  let found = scratches.get(n);
  if (!found) {
    found = { image: new ImageData(n, n), source: new OffscreenCanvas(n, n) };
    scratches.set(n, found);
  }
  return found;
}

function pale(channel: number): number {
  return channel + (255 - channel) * 0.3;
}
