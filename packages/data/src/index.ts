// @deltanet/data
export {};
