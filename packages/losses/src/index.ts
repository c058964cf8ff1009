// @deltanet/losses: costs ℓ(h, y) with ∂ℓ/∂h and fused output deltas, weight penalties R(Θ),
// and the verifiers any third-party loss or regularizer can be held to.
export { losses, regularizers } from './builtins';
export type {
  CheckActivation,
  CheckLossOptions,
  LossCheckReport,
  TargetKind,
} from './check-loss';
export { assertLoss, checkLoss } from './check-loss';
export type { CheckRegularizerOptions, RegularizerCheckReport } from './check-regularizer';
export { assertRegularizer, checkRegularizer } from './check-regularizer';
export { crossEntropy } from './cross-entropy';
export { l1 } from './l1';
export { l2 } from './l2';
export { meanSquaredError } from './mean-squared-error';
export type { LossName, LossOptionsByName, RegularizerName, RegularizerOptionsByName } from './names';
export { softmaxCrossEntropy } from './softmax-cross-entropy';
