// @deltanet/layers: layer plugins (dense, dropout, batch-norm) and checkLayer, their verifier.
export type { BatchNormOptions } from './batch-norm';
export { batchNorm } from './batch-norm';
export type { LayerCheckOptions, LayerCheckReport } from './check-layer';
export { assertLayer, checkLayer, LayerCheckError } from './check-layer';
export { dense } from './dense';
export type { DropoutOptions } from './dropout';
export { dropout } from './dropout';
export { layers } from './layers';
export type { LayerName, LayerOptionsByName } from './names';
