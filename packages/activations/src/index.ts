// @deltanet/activations: activation plugins g(z) with verified derivatives, and the verifier.
export { activations } from './activations';
export type { ActivationCheckOptions, ActivationCheckReport } from './check-activation';
export { ActivationCheckError, assertActivation, checkActivation } from './check-activation';
export type { EluOptions } from './elu';
export { elu } from './elu';
export { gelu } from './gelu';
export type { LeakyReluOptions } from './leaky-relu';
export { leakyRelu } from './leaky-relu';
export { linear } from './linear';
export type { ActivationName, ActivationOptionsByName } from './names';
export { relu } from './relu';
export { sigmoid } from './sigmoid';
export { softmax } from './softmax';
export { softplus } from './softplus';
export type { SwishOptions } from './swish';
export { swish } from './swish';
export { tanh } from './tanh';
