// @deltanet/backprop: feed-forward networks in the course's formulation — forward pass, cost,
// δ/Δ/D by backpropagation, gradient checking, training, step-through traces, model files.
export { builtinRegistry } from './builtins';
export { checkSpec } from './check-spec';
export type { TrainingState } from './checkpoint';
export type { CostGuard } from './cost-guard';
export { ExplodingCostError } from './cost-guard';
export type { NonFiniteOrigin } from './divergence';
export { DivergenceError } from './divergence';
export type { Batch, EarlyStopping, FitOptions, StopReason, TrainingEvent, TrainingHistory } from './fit';
export { fit } from './fit';
export type { GradientCheckOptions, GradientCheckReport, GradientEntry } from './gradient-check';
export { checkGradients } from './gradient-check';
export type { EpochRecord } from './history';
export { layerOutputs, stackOutputs } from './layer-outputs';
export type { ThetaLayout } from './layout';
export { parameterCount, thetaLayout } from './layout';
export type { Evaluation, NetworkOptions } from './network';
export { createNetwork, Network, predictedClasses, WORKSPACES_KEPT } from './network';
export type {
  IntegrityStatus,
  JsonValue,
  LoadedModel,
  ModelDocument,
  ParseOptions,
  SavedBlock,
} from './serialize';
export { loadDocument, MODEL_FORMAT, MODEL_VERSION, parseNetwork, serializeNetwork } from './serialize';
export type {
  BuiltinPlugins,
  LayerEntry,
  LayeredNetworkSpec,
  NetworkSpec,
  PluginChoice,
  PluginDescriptor,
  ResolvedSpec,
  SpecDescription,
  UncheckedLayeredNetworkSpec,
  UncheckedNetworkSpec,
} from './spec';
export { describeSpec, resolveSpec } from './spec';
export type { PlacedStack, StackLayer } from './stack';
export type { BackpropTrace, LayerTrace, StackLayerTrace, WeightTrace } from './trace';
export { traceBackprop } from './trace';
