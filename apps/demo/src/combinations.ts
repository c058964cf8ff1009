// Which output activation and loss make sense together for the playground's one output unit and
// its 0/1 targets, or its regression targets in [−1, 1]. Softmax over one unit is always 1 (loss 0, nothing learns); cross-entropy
// −y log h − (1−y) log(1−h) needs h in (0, 1), so with a linear or relu output it goes negative.

import type { Problem } from './state';

/** Regression fits targets in [−1, 1] with a linear output unit and squared error, as the Playground does. */
export const regressionOutput = 'linear';
export const regressionLoss = 'mean-squared-error';

/** Why an output activation cannot be used here, or undefined when it can. */
export function outputProblem(output: string, problem: Problem = 'classification'): string | undefined {
  if (problem === 'regression' && output !== regressionOutput)
    return 'regression fits numbers of either sign with a linear output unit, as the Playground does';
  if (output === 'softmax') return 'softmax over a single output unit is always 1, so nothing can be learned';
  return undefined;
}

/** Why `loss` does not fit the output activation `output`, or undefined when it does. */
export function lossProblem(
  loss: string,
  output: string,
  problem: Problem = 'classification',
): string | undefined {
  if (problem === 'regression' && loss !== regressionLoss)
    return 'regression is trained on squared error ½(h − y)², as in the Playground';
  if (loss === 'softmax-cross-entropy')
    return 'softmax cross-entropy needs a softmax over two or more output units';
  if (loss === 'cross-entropy' && output !== 'sigmoid') {
    return `cross-entropy needs an output in (0, 1) (sigmoid); ${output} can leave it, giving a meaningless or negative loss`;
  }
  return undefined;
}

/** A loss that fits every output activation allowed here. */
export const fallbackLoss = 'mean-squared-error';

/** A sensible output activation for any loss allowed here. */
export const fallbackOutput = 'sigmoid';

/**
 * `output` and `loss` made compatible: a forbidden output becomes sigmoid, a loss that does not
 * fit it becomes mean squared error; `problems` says what was changed and why.
 *
 * @example
 * compatible('linear', 'cross-entropy'); // { output: 'linear', loss: 'mean-squared-error', problems: [...] }
 */
export function compatible(
  output: string,
  loss: string,
  problem: Problem = 'classification',
): { output: string; loss: string; problems: string[] } {
  const problems: string[] = [];
  let fixedOutput = output;
  const outputWhy = outputProblem(output, problem);
  if (outputWhy) {
    fixedOutput = problem === 'regression' ? regressionOutput : fallbackOutput;
    problems.push(`output ${output}: ${outputWhy}; using ${fixedOutput}`);
  }
  let fixedLoss = loss;
  const lossWhy = lossProblem(loss, fixedOutput, problem);
  if (lossWhy) {
    problems.push(`loss ${loss}: ${lossWhy}; using ${fallbackLoss}`);
    fixedLoss = fallbackLoss;
  }
  return { output: fixedOutput, loss: fixedLoss, problems };
}
