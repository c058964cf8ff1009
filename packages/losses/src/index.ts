// @deltanet/losses
export {};
