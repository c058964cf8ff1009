// The seeded random source plugins draw from (implemented in @deltanet/tensor).

/**
 * A deterministic random stream: the same seed gives the same numbers on every JavaScript
 * engine for `uniform` and `int` (pure integer arithmetic).
 */
export interface Random {
  /** A float in [0, 1) with 53 random bits. */
  uniform(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** The generator's whole state as plain numbers, to save and restore a stream. */
  state(): readonly number[];
}
