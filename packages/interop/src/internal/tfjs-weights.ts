// The weights of a TensorFlow.js LayersModel: the manifest's float32 tensors read from the
// concatenated weight files, by name.

/**
 * Every tensor the manifest lists, by name, read in manifest order from `bytes` (little-endian
 * float32); `fail` reports a malformed manifest, a quantized or non-float32 weight, or bytes
 * that do not match the manifest's total.
 */
export function readWeights(
  manifest: unknown,
  bytes: Uint8Array,
  fail: (f: string, m: string) => never,
): Map<string, { shape: number[]; values: Float32Array }> {
  if (!Array.isArray(manifest)) fail('weightsManifest', 'expected an array of weight groups');
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  (manifest as unknown[]).forEach((group, g) => {
    const specs = asRecord(group)?.weights;
    if (!Array.isArray(specs)) fail(`weightsManifest[${g}].weights`, 'expected an array');
    (specs as unknown[]).forEach((raw, w) => {
      const field = `weightsManifest[${g}].weights[${w}]`;
      const spec = asRecord(raw) ?? fail(field, 'expected an object');
      const name = String(spec.name);
      if (spec.quantization !== undefined)
        fail(field, `weight "${name}" is quantized; export it unquantized`);
      if (spec.dtype !== 'float32')
        fail(
          `${field}.dtype`,
          `weight "${name}" is ${JSON.stringify(spec.dtype)}; only float32 weights import`,
        );
      const shape = spec.shape;
      if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
        fail(`${field}.shape`, 'expected whole numbers');
      const count = (shape as number[]).reduce((a, b) => a * b, 1);
      if (offset + count * 4 > bytes.byteLength) {
        fail(
          field,
          `weight "${name}" ends at byte ${offset + count * 4}, but the weight data has ${bytes.byteLength} bytes`,
        );
      }
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = view.getFloat32(offset + 4 * i, true);
      offset += count * 4;
      out.set(name, { shape: shape as number[], values });
    });
  });
  if (offset !== bytes.byteLength)
    fail(
      'weightsManifest',
      `the manifest accounts for ${offset} bytes of weight data, got ${bytes.byteLength}`,
    );
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
