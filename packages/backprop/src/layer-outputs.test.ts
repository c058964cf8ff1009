import { fromRows } from '@deltanet/tensor';
import { describe, expect, it } from 'vitest';
import { createNetwork, layerOutputs, traceBackprop } from './index';

describe('layerOutputs', () => {
  const net = createNetwork({ layers: [2, 3, 2, 1], activation: ['tanh', 'relu'], seed: 4 });
  const x = fromRows([
    [0.5, -1],
    [2, 0.25],
    [-1.5, 1],
  ]);

  it('gives a(2)..a(L) by the course formulas a(l+1) = g(Θ(l)·[1; a(l)])', () => {
    const [theta1, theta2, theta3] = net.thetas.map((t) =>
      Array.from({ length: t.rows }, (_, r) => Array.from(t.data.subarray(r * t.cols, (r + 1) * t.cols))),
    );
    const layer = (theta: number[][], a: number[], g: (z: number) => number) =>
      theta.map((row) => g(row.reduce((s, w, j) => s + w * (j === 0 ? 1 : a[j - 1]!), 0)));
    const outputs = layerOutputs(net, x);
    expect(outputs.map((o) => [o.rows, o.cols])).toEqual([
      [3, 3],
      [3, 2],
      [3, 1],
    ]);
    for (let i = 0; i < 3; i++) {
      const a2 = layer(theta1!, [x.data[2 * i]!, x.data[2 * i + 1]!], Math.tanh);
      const a3 = layer(theta2!, a2, (z) => Math.max(0, z));
      const a4 = layer(theta3!, a3, (z) => 1 / (1 + Math.exp(-z)));
      a2.forEach((a, j) => expect(outputs[0]!.data[i * 3 + j]).toBeCloseTo(a, 14));
      a3.forEach((a, j) => expect(outputs[1]!.data[i * 2 + j]).toBeCloseTo(a, 14));
      expect(outputs[2]!.data[i]).toBeCloseTo(a4[0]!, 14);
    }
  });

  it('ends with predict(x) and agrees with the trace over more rows than one chunk', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [Math.sin(i), Math.cos(i * 0.7)]);
    const big = fromRows(rows);
    const outputs = layerOutputs(net, big);
    expect(Array.from(outputs[2]!.data)).toEqual(Array.from(net.predict(big).data));
    const trace = traceBackprop(net, fromRows([rows[2100]!]), fromRows([[1]]));
    expect(Array.from(outputs[0]!.data.subarray(2100 * 3, 2101 * 3))).toEqual(trace.units[1]!.a[0]);
  });
});
