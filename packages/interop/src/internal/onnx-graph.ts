// A small builder for an ONNX graph: nodes with generated value names, and constants stored as
// initializers in the graph's element type (float or double).
import type { DType } from '@deltanet/contract';
import { ATTRIBUTE_FLOAT, ATTRIBUTE_INT, DOUBLE, FLOAT } from './onnx-schema';

/** A node attribute: an integer (`int`) or a float (`float`, stored as float32 by ONNX). */
export type Attribute = { readonly int: number } | { readonly float: number };

/** The nodes and initializers of a graph under construction. */
export class OnnxGraph {
  readonly nodes: object[] = [];
  readonly initializers: object[] = [];
  readonly elemType: number;
  #count = 0;
  #constants = new Map<string, string>();

  constructor(readonly dtype: DType) {
    this.elemType = dtype === 'float64' ? DOUBLE : FLOAT;
  }

  /** Adds `op(inputs)` and returns its output's name (`prefix_n`). */
  node(
    op: string,
    inputs: readonly string[],
    prefix: string,
    attributes: Record<string, Attribute> = {},
  ): string {
    const output = `${prefix}_${this.#count++}`;
    this.nodes.push({
      op_type: op,
      name: output,
      input: [...inputs],
      output: [output],
      attribute: Object.entries(attributes).map(([name, value]) =>
        'int' in value
          ? { name, type: ATTRIBUTE_INT, i: value.int }
          : { name, type: ATTRIBUTE_FLOAT, f: value.float },
      ),
    });
    return output;
  }

  /** A tensor of the graph's element type, stored little-endian in raw_data. */
  tensor(name: string, dims: readonly number[], values: ArrayLike<number>): string {
    const bytes = this.dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
    this.initializers.push({
      name,
      dims: [...dims],
      data_type: this.elemType,
      raw_data: littleEndian(bytes),
    });
    return name;
  }

  /** A scalar constant (shared between nodes that use the same value). */
  scalar(value: number): string {
    const key = Object.is(value, -0) ? '-0' : String(value);
    let name = this.#constants.get(key);
    if (name === undefined) {
      name = this.tensor(`const_${this.#constants.size}`, [], [value]);
      this.#constants.set(key, name);
    }
    return name;
  }
}

function littleEndian(values: Float32Array | Float64Array): Uint8Array {
  const bytes = new Uint8Array(values.byteLength);
  const view = new DataView(bytes.buffer);
  const size = values.BYTES_PER_ELEMENT;
  for (let i = 0; i < values.length; i++) {
    if (size === 8) view.setFloat64(i * 8, values[i]!, true);
    else view.setFloat32(i * 4, values[i]!, true);
  }
  return bytes;
}
