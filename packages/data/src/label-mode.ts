// How a file's columns are named in options, and how its label columns become the targets y.

/**
 * A column given by its header name (or JSON key) or its 0-based index.
 *
 * @example
 * parseCsv(text, { label: 'species', features: [0, 'petal_width'] });
 */
export type ColumnRef = string | number;

/**
 * How label columns become targets:
 * - 'class': one column of class labels (any text) → labels and one-hot y, m × K;
 * - 'binary': one column of exactly two classes → y m × 1 holding the class index 0/1;
 * - 'one-hot': K columns of 0/1 with exactly one 1 per row; the columns name the classes;
 * - 'value': numeric targets as they are (regression, multi-output), no labels.
 *
 * @example
 * parseCsv(text, { label: ['setosa', 'versicolor', 'virginica'], labelMode: 'one-hot' });
 */
export type LabelMode = 'class' | 'binary' | 'one-hot' | 'value';
