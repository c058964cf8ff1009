// @deltanet/optimizers: minibatch rules (SGD, AdaGrad, RMSProp, Adam, AdamW) as {init, update}
// and full-batch methods (fmincg's conjugate gradient, L-BFGS) as {init, iterate}.
export type { AdagradOptions } from './adagrad';
export { adagrad } from './adagrad';
export type { AdamOptions } from './adam';
export { adam } from './adam';
export type { AdamwOptions } from './adamw';
export { adamw } from './adamw';
export type { Configured } from './configured';
export type { ConjugateGradientOptions } from './conjugate-gradient';
export { conjugateGradient } from './conjugate-gradient';
export type { LbfgsOptions } from './lbfgs';
export { lbfgs } from './lbfgs';
export type { OptimizerName, OptimizerOptionsByName } from './names';
export { optimizers } from './optimizers';
export type { RmspropOptions } from './rmsprop';
export { rmsprop } from './rmsprop';
export type { SerializedArray, SerializedNumber, SerializedState } from './serialize-state';
export { deserializeState, serializeState } from './serialize-state';
export type { SgdOptions } from './sgd';
export { sgd } from './sgd';
