// The playground's input features: each maps a point (x1, x2) to one input unit of s(1), so a
// network can be given x1², sin x1 etc. instead of having to learn them.

/** Every feature the playground offers, in display order. */
export const featureNames = ['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin x1', 'sin x2'] as const;

/** One of {@link featureNames}. */
export type FeatureName = (typeof featureNames)[number];

const featureMaps: Readonly<Record<FeatureName, (x1: number, x2: number) => number>> = {
  x1: (x1) => x1,
  x2: (_, x2) => x2,
  'x1²': (x1) => x1 * x1,
  'x2²': (_, x2) => x2 * x2,
  x1·x2: (x1, x2) => x1 * x2,
  'sin x1': (x1) => Math.sin(x1),
  'sin x2': (_, x2) => Math.sin(x2),
};

/**
 * How the diagram names each feature, as TensorFlow Playground does (X₁, X₁², sin(X₁)): capital
 * X, so a feature is never read as the course's x or as a unit's a⁽ˡ⁾ᵢ.
 */
export const featureLabels: Readonly<Record<FeatureName, string>> = {
  x1: 'X₁',
  x2: 'X₂',
  'x1²': 'X₁²',
  'x2²': 'X₂²',
  x1·x2: 'X₁X₂',
  'sin x1': 'sin(X₁)',
  'sin x2': 'sin(X₂)',
};

/** True when `name` is one of {@link featureNames}. */
export function isFeatureName(name: string): name is FeatureName {
  return (featureNames as readonly string[]).includes(name);
}

/**
 * The input rows for points given as m × 2 row-major (x1, x2) pairs: m × k row-major values of
 * the k chosen features, in the order given.
 *
 * @example
 * mapFeatures(Float64Array.of(2, 3), ['x1²', 'x1·x2']); // Float64Array [4, 6]
 */
export function mapFeatures(points: ArrayLike<number>, features: readonly FeatureName[]): Float64Array {
  if (points.length % 2 !== 0) {
    throw new RangeError(`mapFeatures: points must hold (x1, x2) pairs, got ${points.length} values`);
  }
  if (features.length === 0) throw new RangeError('mapFeatures: choose at least one feature');
  const maps = features.map((name) => featureMaps[name]);
  const m = points.length / 2;
  const out = new Float64Array(m * maps.length);
  for (let i = 0; i < m; i++) {
    const x1 = points[2 * i]!;
    const x2 = points[2 * i + 1]!;
    maps.forEach((map, j) => {
      out[i * maps.length + j] = map(x1, x2);
    });
  }
  return out;
}
