// `--plugin <module>`: imports third-party plugins, verifies the derivatives of activations,
// losses, regularizers and layers against central differences, and adds them to the registry, so they
// appear everywhere a built-in does (flags, help, errors, `deltanet plugins`).
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkActivation } from '@deltanet/activations';
import { builtinRegistry } from '@deltanet/backprop';
import type { Plugin, PluginRegistry } from '@deltanet/contract';
import { pluginKinds } from '@deltanet/contract';
import { checkLayer } from '@deltanet/layers';
import { checkLoss, checkRegularizer } from '@deltanet/losses';
import type { FlagValues } from '../args/flags';
import { list } from '../args/flags';
import { number } from '../args/values';
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
  options: { verify?: boolean; warn?: (message: string) => void; timeoutSeconds?: number } = {},
): Promise<PluginSet> {
  const { verify = true, warn = () => {}, timeoutSeconds = 10 } = options;
  let registry = builtinRegistry();
  const loaded: LoadedPlugin[] = [];
  for (const module of modules) {
    const exports = await importModule(module, cwd, timeoutSeconds);
    const plugins = Object.values(exports).flatMap((value) => (Array.isArray(value) ? value : [value]));
    const found = plugins.filter(isPluginLike);
    if (found.length === 0) {
      throw new UsageError(
        `--plugin ${module}: exports no plugin (an object with kind ${pluginKinds.map((k) => `"${k}"`).join(', ')} and a name)`,
      );
    }
    for (const plugin of new Set(found)) {
      // Even unverified, a plugin must have the functions its kind is called through.
      const missing = (requiredFunctions[plugin.kind] ?? []).filter(
        (name) => typeof (plugin as unknown as Record<string, unknown>)[name] !== 'function',
      );
      if (plugin.kind === 'optimizer' && !missing.includes('init')) {
        const mode = (plugin as { mode?: unknown }).mode;
        const step = mode === 'minibatch' ? 'update' : mode === 'full-batch' ? 'iterate' : undefined;
        if (step === undefined)
          throw new UsageError(
            `--plugin ${module}: optimizer "${plugin.name}" needs mode "minibatch" or "full-batch", got ${JSON.stringify(mode)}`,
          );
        if (typeof (plugin as unknown as Record<string, unknown>)[step] !== 'function') missing.push(step);
      }
      if (missing.length > 0) {
        throw new UsageError(
          `--plugin ${module}: ${plugin.kind} "${plugin.name}" lacks ${missing.map((m) => `${m}()`).join(' and ')}, which every ${plugin.kind} needs (see packages/contract)`,
        );
      }
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

/** The functions the network calls on each kind of plugin. */
const requiredFunctions: Partial<Record<Plugin['kind'], string[]>> = {
  activation: ['forward', 'backward'],
  loss: ['value', 'gradient'],
  regularizer: ['value', 'accumulateGradient'],
  optimizer: ['init'],
  initializer: ['initialize'],
  backend: ['supports', 'gemm'],
  layer: ['build'],
};

/** The --plugin modules given as paths, as inputs no output may replace. */
export function pluginInputs(values: FlagValues): { role: string; path: string }[] {
  return list(values, 'plugin')
    .filter((module) => module.startsWith('.') || isAbsolute(module) || /\.[cm]?js$/.test(module))
    .map((path) => ({ role: '--plugin', path }));
}

async function importModule(
  module: string,
  cwd: string,
  timeoutSeconds: number,
): Promise<Record<string, unknown>> {
  let url: string;
  try {
    const looksLikePath = module.startsWith('.') || isAbsolute(module) || /\.[cm]?js$/.test(module);
    url = looksLikePath
      ? pathToFileURL(resolve(cwd, module)).href
      : pathToFileURL(createRequire(join(cwd, 'noop.js')).resolve(module)).href;
  } catch {
    throw new UsageError(`--plugin ${module}: cannot find the module from ${cwd}`);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  // An import that never settles (a top-level await on nothing) would let the process end
  // with exit 0 and no output; the timer keeps it alive and turns the wait into an error.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UsageError(
            `--plugin ${module}: its import did not finish within ${timeoutSeconds} s (a top-level await that never settles?); raise --plugin-timeout if it is only slow`,
          ),
        ),
      timeoutSeconds * 1000,
    );
  });
  try {
    return (await Promise.race([import(url), timeout])) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const reason =
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND'
        ? 'no such module'
        : (error as Error).message;
    throw new UsageError(`--plugin ${module}: cannot import it (${reason})`);
  } finally {
    clearTimeout(timer);
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
          : plugin.kind === 'layer'
            ? checkLayer(plugin)
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
  const timeout = values['plugin-timeout'];
  return loadPlugins(list(values, 'plugin'), process.cwd(), {
    verify: values['unverified-plugins'] !== true,
    ...(typeof timeout === 'string' && { timeoutSeconds: number('--plugin-timeout', timeout) }),
    warn: (message) => io.stderr.write(`${paint(io.stderr, 'yellow', 'warning:')} ${message}\n`),
  });
}
