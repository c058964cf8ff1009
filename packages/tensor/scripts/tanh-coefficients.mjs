// The polynomial in assembly/tanh.ts's float32 tanh: q(r) ≈ (e^r − 1)/r for |r| ≤ ln2/2, degree 8,
// the one through (e^r − 1)/r at nine Chebyshev nodes (near-minimax), by Newton's divided
// differences expanded to monomial coefficients. Prints c₈ … c₀ and the largest relative error
// of r·q(r) against Math.expm1 on a fine grid. Run: node packages/tensor/scripts/tanh-coefficients.mjs
const degree = 8;
const half = (Math.LN2 / 2) * (1 + 1e-9); // a little past ln2/2: r's rounding may leave it there
const f = (r) => Math.expm1(r) / r;
const nodes = Array.from(
  { length: degree + 1 },
  (_, k) => half * Math.cos(((2 * k + 1) * Math.PI) / (2 * degree + 2)),
);
// Divided differences, in place.
const d = nodes.map(f);
for (let j = 1; j <= degree; j++) {
  for (let i = degree; i >= j; i--) d[i] = (d[i] - d[i - 1]) / (nodes[i] - nodes[i - j]);
}
// p(r) = d₀ + (r − x₀)(d₁ + (r − x₁)(d₂ + …)), expanded from the inside out.
let coefficients = [d[degree]];
for (let i = degree - 1; i >= 0; i--) {
  const next = new Array(coefficients.length + 1).fill(0);
  coefficients.forEach((c, j) => {
    next[j + 1] += c;
    next[j] -= c * nodes[i];
  });
  next[0] += d[i];
  coefficients = next;
}
let worst = 0;
for (let i = 0; i <= 100000; i++) {
  const r = -half + (2 * half * i) / 100000;
  if (r === 0) continue;
  let q = 0;
  for (let j = degree; j >= 0; j--) q = q * r + coefficients[j];
  worst = Math.max(worst, Math.abs(r * q - Math.expm1(r)) / Math.abs(Math.expm1(r)));
}
console.log('c8 … c0:', coefficients.slice().reverse().map(String).join(', '));
console.log('largest relative error of r·q(r):', worst.toExponential(2));
