// ONNX export: per dense layer l, z(l+1) = Gemm(a(l), W, b, transB = 1) with W = Θ(l)[:, 1:] and
// b = Θ(l)[:, 0], then g's nodes; batch-norm as BatchNormalization, dropout as nothing (the
// identity at inference); optional input standardization as Sub and Div nodes.
import type { Network } from '@deltanet/backprop';
import { describeSpec } from '@deltanet/backprop';
import { InvalidArgumentError } from '@deltanet/contract';
import { translationOf } from './builtin-activations';
import { OnnxGraph } from './internal/onnx-graph';
import { modelProto } from './internal/onnx-schema';
import { stackSteps } from './internal/stack-steps';

/** The ONNX opset exported models import (every operator used exists unchanged since). */
export const ONNX_OPSET = 13;
/** The ONNX IR version written (the one opset 13 requires). */
export const ONNX_IR_VERSION = 7;

/** What to put in an ONNX model besides the network. */
export interface OnnxExportOptions {
  /**
   * Per-feature μ and σ the network's inputs were standardized with: the graph then takes raw
   * features and computes (x − μ) / σ itself, as Sub and Div nodes.
   */
  readonly standardization?: {
    /** μⱼ, one per input feature (length s(1)). */
    readonly mean: readonly number[];
    /** σⱼ, one per input feature (length s(1)); the graph divides by it. */
    readonly std: readonly number[];
  };
  /** Output unit j's class name, stored in metadata_props as `classNames` (JSON array). */
  readonly classNames?: readonly string[];
  /** Input column names, stored in metadata_props as `featureNames` (JSON array). */
  readonly featureNames?: readonly string[];
  /** The graph's name. Default `"deltanet"`. */
  readonly name?: string;
}

/**
 * The network as an ONNX model (protobuf bytes, opset 13): input `input` of shape
 * [batch, s(1)], output `output` of shape [batch, s(L)], in the network's precision (float or
 * double). Each layer is one Gemm with transB = 1 on W = Θ(l)[:, 1:] (s(l+1) × s(l)) and
 * C = Θ(l)[:, 0], followed by the activation as ONNX operators. Other layers sit where the
 * stack has them: batch-norm is a `BatchNormalization` node (scale γ, B β, input_mean and
 * input_var the running statistics, ε), dropout adds no node (it is the identity at inference).
 * metadata_props hold the spec (`deltanet.spec`) and the class and feature names when given.
 * Throws an InvalidArgumentError naming any activation or layer that is not a built-in.
 *
 * @example
 * const bytes = exportOnnx(net, { classNames: ['setosa', 'versicolor', 'virginica'] });
 * const session = await ort.InferenceSession.create(bytes);
 */
export function exportOnnx(net: Network, options: OnnxExportOptions = {}): Uint8Array {
  const activations = net.activations.map((plugin) => translationOf(plugin, 'ONNX'));
  const graph = new OnnxGraph(net.dtype);
  const inputs = net.layers[0]!;
  let a = 'input';
  if (options.standardization) {
    const { mean, std } = checkedStandardization(options.standardization, inputs);
    a = graph.node('Sub', [a, graph.tensor('standardize_mean', [inputs], mean)], 'centered');
    a = graph.node('Div', [a, graph.tensor('standardize_std', [inputs], std)], 'standardized');
  }
  for (const step of stackSteps(net, 'ONNX')) {
    if (step.kind === 'layer') {
      a = step.translation.onnx(graph, a, step.values);
      continue;
    }
    const { rows, cols, data } = step.theta;
    const l = step.dense;
    const weights = new Float64Array(rows * (cols - 1));
    const bias = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      bias[i] = data[i * cols]!;
      for (let j = 1; j < cols; j++) weights[i * (cols - 1) + j - 1] = data[i * cols + j]!;
    }
    const w = graph.tensor(`theta${l + 1}_weights`, [rows, cols - 1], weights);
    const b = graph.tensor(`theta${l + 1}_bias`, [rows], bias);
    const z = graph.node('Gemm', [a, w, b], `z${l + 2}`, { transB: { int: 1 } });
    const { translation, options: activationOptions } = activations[l]!;
    a = translation.onnx(graph, z, activationOptions);
  }
  graph.nodes.push({ op_type: 'Identity', name: 'output', input: [a], output: ['output'] });

  const tensorType = (size: number) => ({
    tensor_type: { elem_type: graph.elemType, shape: { dim: [{ dim_param: 'batch' }, { dim_value: size }] } },
  });
  const metadata: Record<string, string> = { 'deltanet.spec': JSON.stringify(describeSpec(net.spec)) };
  if (options.classNames) metadata.classNames = JSON.stringify(options.classNames);
  if (options.featureNames) metadata.featureNames = JSON.stringify(options.featureNames);
  const model = {
    ir_version: ONNX_IR_VERSION,
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    producer_name: 'deltanet',
    doc_string: `deltanet ${net.layers.join('-')} network, ${net.dtype}`,
    graph: {
      name: options.name ?? 'deltanet',
      node: graph.nodes,
      initializer: graph.initializers,
      input: [{ name: 'input', type: tensorType(inputs) }],
      output: [{ name: 'output', type: tensorType(net.layers[net.layers.length - 1]!) }],
    },
    metadata_props: Object.entries(metadata).map(([key, value]) => ({ key, value })),
  };
  const type = modelProto();
  return type.encode(type.fromObject(model)).finish();
}

function checkedStandardization(
  s: NonNullable<OnnxExportOptions['standardization']>,
  inputs: number,
): { mean: readonly number[]; std: readonly number[] } {
  for (const key of ['mean', 'std'] as const) {
    const values = s[key];
    if (!Array.isArray(values) || values.length !== inputs) {
      throw new InvalidArgumentError(
        `standardization.${key} must list ${inputs} numbers (one per input), got ${Array.isArray(values) ? values.length : typeof values}`,
      );
    }
    values.forEach((v, j) => {
      if (!Number.isFinite(v) || (key === 'std' && v === 0)) {
        throw new InvalidArgumentError(
          `standardization.${key}[${j}] must be a finite${key === 'std' ? ', non-zero' : ''} number, got ${v}`,
        );
      }
    });
  }
  return s;
}
