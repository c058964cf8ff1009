// g(z) = z³/3 + z, g′(z) = z² + 1: a third-party activation.
export const cube = {
  kind: 'activation',
  name: 'cube',
  description: 'g(z) = z³/3 + z; g′ = z² + 1',
  forward(z, out) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = z.data[i] ** 3 / 3 + z.data[i];
  },
  backward(z, _a, upstream, out) {
    for (let i = 0; i < z.data.length; i++) out.data[i] = upstream.data[i] * (z.data[i] ** 2 + 1);
  },
};
