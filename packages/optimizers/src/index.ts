// @deltanet/optimizers
export {};
