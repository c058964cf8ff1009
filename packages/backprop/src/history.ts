// The record of training kept with a network and saved in its model file.

/**
 * One epoch's figures. Training figures are averages over the epoch's batches, each taken
 * before that batch's step. No wall-clock time here, so equal seeds give equal model files.
 */
export interface EpochRecord {
  /** 1-based epoch (full-batch: iteration) within its `fit` run; a resumed run continues the count. */
  readonly epoch: number;
  /** Mean training cost J over the epoch's batches, regularization included. */
  readonly cost: number;
  /** Fraction in [0, 1] of training rows classified correctly over the epoch's batches. */
  readonly accuracy: number;
  /** J on the validation set after the epoch; undefined without validation data. */
  readonly validationCost?: number;
  /** Accuracy in [0, 1] on the validation set after the epoch; undefined without validation data. */
  readonly validationAccuracy?: number;
}
