// @deltanet/activations
export {};
