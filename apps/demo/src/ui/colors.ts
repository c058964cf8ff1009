// TensorFlow Playground's palette: orange for class 0 / negative, blue for class 1 / positive,
// white in between.

export const orange = [245, 147, 34] as const;
export const blue = [8, 119, 189] as const;
const white = [232, 234, 235] as const;

/** RGB of t in [−1, 1]: −1 orange, 0 white, +1 blue (clamped outside). */
export function divergingColor(t: number): [number, number, number] {
  const s = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const [from, to] = s < 0 ? [white, orange] : [white, blue];
  const f = Math.abs(s);
  return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * f)) as [number, number, number];
}

/** CSS colour of a weight: blue positive, orange negative. */
export function weightColor(weight: number): string {
  const [r, g, b] = weight >= 0 ? blue : orange;
  return `rgb(${r}, ${g}, ${b})`;
}
