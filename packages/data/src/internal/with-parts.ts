// Rebuilds a dataset around new matrices, keeping the optional names of the original.
import type { Matrix } from '@deltanet/contract';
import type { Dataset } from '../dataset';

/** `like`'s names over new x, y and labels; absent optional fields stay absent. */
export function withParts(like: Dataset, x: Matrix, y: Matrix, labels?: Int32Array): Dataset {
  return {
    x,
    y,
    ...(labels ? { labels } : {}),
    ...(like.classNames ? { classNames: like.classNames } : {}),
    ...(like.featureNames ? { featureNames: like.featureNames } : {}),
    ...(like.name !== undefined ? { name: like.name } : {}),
  };
}
