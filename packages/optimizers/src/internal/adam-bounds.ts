// The ranges Adam's constants must lie in, shared by the `adam` and `adamw` presets.

/** The ranges Adam's constants must lie in (shared with AdamW). */
export const adamBounds = {
  learningRate: { min: 0 },
  beta1: { min: 0, below: 1 },
  beta2: { min: 0, below: 1 },
  epsilon: { min: 0 },
} as const;
