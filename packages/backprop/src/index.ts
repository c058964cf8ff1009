// @deltanet/backprop
export {};
