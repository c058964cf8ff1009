// @deltanet/interop: deltanet networks out to ONNX and TensorFlow.js, and in from TensorFlow.js
// and the course's Octave text matrices.
export type { KerasActivation } from './builtin-activations';
export { translatableActivations } from './builtin-activations';
export { translatableLayers } from './builtin-layers';
export type { OctaveMatrix, OctaveReadOptions } from './octave';
export { parseOctaveText, readOctave, writeOctave } from './octave';
export type { OnnxExportOptions } from './onnx-export';
export { exportOnnx, ONNX_IR_VERSION, ONNX_OPSET } from './onnx-export';
export type { KerasLayer, LayersModelJson, TfjsArtifacts, TfjsExportOptions } from './tfjs-export';
export { exportTfjs } from './tfjs-export';
export type { TfjsImportOptions } from './tfjs-import';
export { importTfjs } from './tfjs-import';
