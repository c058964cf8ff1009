// `--plugin <module>`: imports third-party plugins, verifies the derivatives of activations,
// losses and regularizers against central differences, and adds them to the registry, so they
// appear everywhere a built-in does (flags, help, errors, `deltanet plugins`).
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkActivation } from '@deltanet/activations';
import { builtinRegistry } from '@deltanet/backprop';
import type { Plugin, PluginRegistry } from '@deltanet/contract';
import { pluginKinds } from '@deltanet/contract';
import { checkLoss, checkRegularizer } from '@deltanet/losses';
import type { FlagValues } from '../args/flags';
import { list } from '../args/flags';
import { UsageError } from '../exit-codes';
import type { Io } from '../io';
import { paint } from '../output/color';

/** A plugin and the module it came from. */
export interface LoadedPlugin {
  readonly plugin: Plugin;
  readonly module: string;
}

/** The built-ins plus every plugin of the given modules, and where each third-party one came from. */
export interface PluginSet {
  readonly registry: PluginRegistry;
  readonly loaded: readonly LoadedPlugin[];
}

/**
 * Imports each module (a path, relative to `cwd`, or a package name resolved from `cwd`) and
 * collects the plugins it exports: its default export and its named exports, each a plugin or
 * an array of plugins. Fails with a UsageError naming the module when it cannot be imported,
 * exports no plugin, or exports one whose derivative check fails (unless `verify` is false).
 */
export async function loadPlugins(
  modules: readonly string[],
  cwd: string,
  options: { verify?: boolean; warn?: (message: string) => void } = {},
): Promise<PluginSet> {
  const { verify = true, warn = () => {} } = options;
  let registry = builtinRegistry();
  const loaded: LoadedPlugin[] = [];
  for (const module of modules) {
    const exports = await importModule(module, cwd);
    const plugins = Object.values(exports).flatMap((value) => (Array.isArray(value) ? value : [value]));
    const found = plugins.filter(isPluginLike);
    if (found.length === 0) {
      throw new UsageError(
        `--plugin ${module}: exports no plugin (an object with kind ${pluginKinds.map((k) => `"${k}"`).join(', ')} and a name)`,
      );
    }
    for (const plugin of new Set(found)) {
      if (verify) verifyPlugin(plugin, module, warn);
      if (registry.has(plugin.kind, plugin.name)) {
        throw new UsageError(`--plugin ${module}: ${plugin.kind} "${plugin.name}" is already defined`);
      }
      try {
        registry = registry.with(plugin);
      } catch (error) {
        throw new UsageError(`--plugin ${module}: ${(error as Error).message}`);
      }
      loaded.push({ plugin, module });
    }
  }
  return { registry, loaded };
}

async function importModule(module: string, cwd: string): Promise<Record<string, unknown>> {
  let url: string;
  try {
    const looksLikePath = module.startsWith('.') || isAbsolute(module) || /\.[cm]?js$/.test(module);
    url = looksLikePath
      ? pathToFileURL(resolve(cwd, module)).href
      : pathToFileURL(createRequire(join(cwd, 'noop.js')).resolve(module)).href;
  } catch {
    throw new UsageError(`--plugin ${module}: cannot find the module from ${cwd}`);
  }
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND'
        ? 'no such module'
        : (error as Error).message;
    throw new UsageError(`--plugin ${module}: cannot import it (${reason})`);
  }
}

function isPluginLike(value: unknown): value is Plugin {
  return (
    typeof value === 'object' &&
    value !== null &&
    pluginKinds.includes((value as Plugin).kind) &&
    typeof (value as Plugin).name === 'string'
  );
}

/**
 * Refuses a plugin whose derivatives (or shapes, or identity) are wrong. Overflow at extreme
 * inputs and float32 round-off are warnings only: many sound activations overflow at z = 1e30.
 */
function verifyPlugin(plugin: Plugin, module: string, warn: (message: string) => void): void {
  const report =
    plugin.kind === 'activation'
      ? checkActivation(plugin)
      : plugin.kind === 'loss'
        ? checkLoss(plugin)
        : plugin.kind === 'regularizer'
          ? checkRegularizer(plugin)
          : undefined;
  if (!report || report.ok) return;
  const robustness = (failure: string) => /^(extremes|float32):|^value is .* at /.test(failure);
  const where = `--plugin ${module}: ${plugin.kind} "${plugin.name}"`;
  for (const failure of report.failures.filter(robustness)) warn(`${where}: ${failure}`);
  const failures = report.failures.filter((failure) => !robustness(failure));
  if (failures.length === 0) return;
  throw new UsageError(
    `${where} failed its derivative check:\n${failures.map((failure) => `  ${failure}`).join('\n')}` +
      '\n(pass --unverified-plugins to load it anyway)',
  );
}

/** The plugins a command's `--plugin` and `--unverified-plugins` flags ask for, warnings on stderr. */
export function pluginsFor(values: FlagValues, io: Io): Promise<PluginSet> {
  return loadPlugins(list(values, 'plugin'), process.cwd(), {
    verify: values['unverified-plugins'] !== true,
    warn: (message) => io.stderr.write(`${paint(io.stderr, 'yellow', 'warning:')} ${message}\n`),
  });
}
