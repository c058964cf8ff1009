// @deltanet/data: the playground 2-D sets, CSV and JSON-lines loading, splits and standardization.
// The MNIST digits are the package @deltanet/digits, so installing this one stays small.

export type { CsvOptions } from './csv';
export { parseCsv } from './csv';
export type { Dataset, DTypeOption } from './dataset';
export { selectRows } from './dataset';
export type { FromRowsOptions } from './from-rows';
export { datasetFromRows } from './from-rows';
export type { JsonLinesOptions } from './jsonl';
export { parseJsonLines } from './jsonl';
export type { ColumnRef, LabelMode } from './label-mode';
export type { EncodeLabelsOptions } from './labels';
export { encodeLabels, inferClassNames } from './labels';
export { circle } from './playground/circle';
export { gauss } from './playground/gauss';
export { multiGaussian, multiGaussianBumps } from './playground/multi-gaussian';
export type { PlaygroundGenerator, PlaygroundOptions } from './playground/options';
export { plane } from './playground/plane';
export type { PlaygroundRegressionSetName } from './playground/regression-sets';
export { generatePlaygroundRegression, playgroundRegressionSets } from './playground/regression-sets';
export type { PlaygroundSetName } from './playground/sets';
export { generatePlayground, playgroundSets } from './playground/sets';
export { spiral } from './playground/spiral';
export { xor } from './playground/xor';
export type { SplitOptions } from './split';
export { shuffleDataset, splitDataset } from './split';
export type { Standardizer } from './standardize';
export { applyStandardizer, fitStandardizer } from './standardize';
