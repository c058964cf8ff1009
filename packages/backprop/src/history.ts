// The record of training kept with a network and saved in its model file.

/**
 * One epoch's figures. Training figures are averages over the epoch's batches, each taken
 * before that batch's step. No wall-clock time here, so equal seeds give equal model files.
 */
export interface EpochRecord {
  readonly epoch: number;
  readonly cost: number;
  readonly accuracy: number;
  readonly validationCost?: number;
  readonly validationAccuracy?: number;
}
