// @deltanet/contract: the plugin shapes, registries and errors every deltanet package shares.
export type { ActivationKernel, ActivationPlugin } from './activation';
export { activationKernels } from './activation';
export type {
  BackendKernel,
  BackendPlugin,
  CompleteBackend,
  DenseStepArgs,
  GemmArgs,
  PinnedOperand,
} from './backend';
export { backendKernels } from './backend';
export type { ErrorCode, SourceLocation } from './errors';
export {
  DataError,
  DeltanetError,
  FormatError,
  InvalidArgumentError,
  NonFiniteError,
  ShapeError,
  UnknownPluginError,
} from './errors';
export type { InitializerPlugin } from './initializer';
export type {
  BuiltLayer,
  LayerContext,
  LayerMode,
  LayerPass,
  LayerPlugin,
  LayerShape,
  ParameterBlock,
  PenalizedRegion,
  StateBlock,
} from './layer';
export type { FusedDelta, LossPlugin } from './loss';
export type { DType, FloatArray, Matrix } from './matrix';
export type {
  FullBatchOptimizer,
  IterationReport,
  MinibatchOptimizer,
  Objective,
  OptimizerPlugin,
  OptimizerState,
  StepContext,
} from './optimizer';
export { mergeOptions } from './options';
export type {
  BuiltinPluginRef,
  CheckedPluginName,
  CheckedPluginRef,
  CustomPluginRef,
  NoOptions,
  Plugin,
  PluginBase,
  PluginKind,
  PluginName,
  PluginOfKind,
  PluginOptions,
  PluginRef,
  RegisteredActivations,
  RegisteredBackends,
  RegisteredInitializers,
  RegisteredLayers,
  RegisteredLosses,
  RegisteredOptimizers,
  RegisteredPlugins,
  RegisteredRegularizers,
} from './plugin';
export type { Random } from './random';
export type { PluginRegistry } from './registry';
export { checkPluginRef, createRegistry, pluginKinds, pluginName } from './registry';
export type { RegularizerPlugin } from './regularizer';
