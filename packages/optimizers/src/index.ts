// @deltanet/optimizers: minibatch rules (SGD, AdaGrad, RMSProp, Adam, AdamW) as chains of
// gradient transforms with {init, update}, learning-rate schedules, and full-batch methods
// (fmincg's conjugate gradient, L-BFGS) as {init, iterate}.
export type { AdagradOptions } from './adagrad';
export { adagrad } from './adagrad';
export type { AdamOptions } from './adam';
export { adam } from './adam';
export type { AdamwOptions } from './adamw';
export { adamw } from './adamw';
export type { ChainOptimizer } from './chain';
export { chain, withClipping, withSchedule } from './chain';
export type { Configured } from './configured';
export type { ConjugateGradientOptions } from './conjugate-gradient';
export { conjugateGradient } from './conjugate-gradient';
export type { LbfgsOptions } from './lbfgs';
export { lbfgs } from './lbfgs';
export type { OptimizerName, OptimizerOptionsByName } from './names';
export { optimizers } from './optimizers';
export type { RmspropOptions } from './rmsprop';
export { rmsprop } from './rmsprop';
export type { Schedule } from './schedules';
export { cosineDecay, exponentialDecay, stepDecay } from './schedules';
export type { SerializedArray, SerializedNumber, SerializedState } from './serialize-state';
export { deserializeState, serializeState } from './serialize-state';
export type { SgdOptions } from './sgd';
export { sgd } from './sgd';
export type { GradientTransform } from './transform';
export type { DecayedWeightsTransform } from './transforms/add-decayed-weights';
export { addDecayedWeights } from './transforms/add-decayed-weights';
export { clipByGlobalNorm, clipByValue } from './transforms/clip';
export type { LearningRateTransform } from './transforms/scale';
export { scaleByLearningRate } from './transforms/scale';
export type { AdamMoments, AdamTransform } from './transforms/scale-by-adam';
export { scaleByAdam } from './transforms/scale-by-adam';
export { scaleByRms, scaleByRss } from './transforms/scale-by-rms';
export { trace } from './transforms/trace';
