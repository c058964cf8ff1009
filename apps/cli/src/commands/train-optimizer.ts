// The optimizer a `train` run uses: --optimizer with --lr folded in, then --clip and
// --lr-schedule composed onto its chain of transforms.
import type { CheckedPluginRef, OptimizerPlugin, PluginRef, PluginRegistry } from '@deltanet/contract';
import { checkPluginRef } from '@deltanet/contract';
import type { ChainOptimizer } from '@deltanet/optimizers';
import { withClipping, withSchedule } from '@deltanet/optimizers';
import type { FlagValues } from '../args/flags';
import { text } from '../args/flags';
import { parseClip, parseSchedule, scheduleOf } from '../args/schedule-flags';
import { number, pluginRef } from '../args/values';
import { UsageError } from '../exit-codes';

/** The optimizer with --lr folded into its options. */
export function optimizerChoice(values: FlagValues, name: string, recipeRate: string | undefined): PluginRef {
  const ref = pluginRef('--optimizer', name);
  const rate = text(values, 'lr') ?? recipeRate;
  if (rate === undefined) return ref;
  const base = typeof ref === 'string' ? { name: ref, options: {} } : ref;
  return { name: base.name, options: { ...base.options, learningRate: number('--lr', rate) } };
}

/**
 * `choice` as is without --clip and --lr-schedule; with them, the resolved optimizer's chain
 * with the clip first and its learning rate replaced by the schedule (same name, so its
 * checkpoints resume). Only chain optimizers (sgd, adagrad, rmsprop, adam, adamw) take them.
 */
export function composedOptimizer(
  choice: PluginRef,
  values: FlagValues,
  registry: PluginRegistry,
  run: { batches: number; epochs: number },
): CheckedPluginRef<'optimizer'> | OptimizerPlugin {
  const scheduleText = text(values, 'lr-schedule');
  const clipText = text(values, 'clip');
  if (scheduleText === undefined && clipText === undefined)
    return checkPluginRef(registry, 'optimizer', choice);
  const schedule = scheduleText === undefined ? undefined : parseSchedule(scheduleText);
  const clip = clipText === undefined ? undefined : parseClip(clipText);
  const plugin = registry.resolve('optimizer', choice);
  if (!('transforms' in plugin)) {
    const flags = [scheduleText && '--lr-schedule', clipText && '--clip'].filter(Boolean).join(' and ');
    const verb = scheduleText !== undefined && clipText !== undefined ? 'need' : 'needs';
    throw new UsageError(
      `${flags} ${verb} a minibatch optimizer built from transforms (sgd, adagrad, rmsprop, adam, adamw); "${plugin.name}" is not one`,
    );
  }
  let optimizer = plugin as ChainOptimizer;
  if (schedule) {
    const learningRate = (plugin.options as { learningRate?: unknown }).learningRate;
    if (typeof learningRate !== 'number') {
      throw new UsageError(
        `--lr-schedule: optimizer "${plugin.name}" has no learningRate option to schedule`,
      );
    }
    optimizer = withSchedule(optimizer, scheduleOf(schedule, { learningRate, ...run }));
  }
  return clip ? withClipping(optimizer, clip) : optimizer;
}
