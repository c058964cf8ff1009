// One table per command describes its flags; parsing, `--config` files and help all read it,
// and lists of choices in help come from the plugin registry, third-party plugins included.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { PluginKind, PluginRegistry } from '@deltanet/contract';
import { UsageError } from '../exit-codes';
import { didYouMean } from '../suggest';

/** One flag of a command. */
export interface Flag {
  readonly type: 'string' | 'boolean';
  /** May be given more than once (`--plugin a.mjs --plugin b.mjs`). */
  readonly multiple?: boolean;
  readonly short?: string;
  /** Placeholder in help, e.g. `<n,n,...>`. */
  readonly value?: string;
  readonly help: string;
  /** Plugins of this kind are listed after the help line, read from the registry. */
  readonly choices?: PluginKind;
  /** Not accepted in a `--config` file (help, config, resume…). */
  readonly commandLineOnly?: boolean;
}

export type Flags = Readonly<Record<string, Flag>>;

/** Parsed flags by name: text, true, or a list for `multiple` flags. */
export type FlagValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** The flags every command takes. */
export const commonFlags = {
  plugin: {
    type: 'string',
    multiple: true,
    value: '<module>',
    help: 'load activations, losses, optimizers… from a module (repeatable)',
  },
  'unverified-plugins': {
    type: 'boolean',
    help: 'load --plugin modules even when their derivative check fails',
  },
  'plugin-timeout': {
    type: 'string',
    value: '<seconds>',
    help: 'give up on a --plugin module whose import has not finished after this long (default 10)',
  },
  json: { type: 'boolean', help: 'NDJSON events on stdout, nothing else there (docs/cli-events.md)' },
  quiet: { type: 'boolean', help: 'no progress on stderr' },
  help: { type: 'boolean', short: 'h', help: 'this help', commandLineOnly: true },
} as const satisfies Flags;

/** Parses `args` against `flags`; unknown flags and missing values are usage errors. */
export function parseFlags(
  args: readonly string[],
  flags: Flags,
): { values: FlagValues; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [
      name,
      { type: flag.type, ...(flag.multiple && { multiple: true }), ...(flag.short && { short: flag.short }) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const unknown = /Unknown option '(-{1,2})([^']*)'/.exec((error as Error).message);
    if (unknown) {
      throw new UsageError(
        `unknown option ${unknown[1]}${unknown[2]}${didYouMean(unknown[2]!, Object.keys(flags), '--')}`,
      );
    }
    throw error;
  }
  return { values: parsed.values as FlagValues, positionals: parsed.positionals };
}

/**
 * Reads a `--config` JSON file (keys are flag names without dashes) and returns the values it
 * sets, as the command line would give them; the caller lets flags win.
 */
export async function readConfig(path: string, flags: Flags): Promise<FlagValues> {
  const text = await readFile(path, 'utf8');
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new UsageError(`${path}: expected a JSON object of flag names and values`);
  }
  const out: Record<string, string | boolean | string[]> = {};
  for (const [key, value] of Object.entries(config)) {
    const flag = Object.hasOwn(flags, key) ? flags[key] : undefined;
    if (!flag || flag.commandLineOnly) {
      const valid = Object.keys(flags).filter((name) => !flags[name]!.commandLineOnly);
      throw new UsageError(
        `${path}: unknown key "${key}"${didYouMean(key, valid)}; valid keys: ${valid.join(', ')}`,
      );
    }
    const where = `${path}: "${key}"`;
    if (flag.type === 'boolean') {
      if (typeof value !== 'boolean')
        throw new UsageError(`${where} must be true or false, got ${JSON.stringify(value)}`);
      out[key] = value;
    } else if (flag.multiple) {
      const list = Array.isArray(value) ? value : [value];
      out[key] = list.map((item) => scalarText(where, item));
    } else {
      out[key] = Array.isArray(value)
        ? value.map((item) => scalarText(where, item)).join(',')
        : scalarText(where, value);
    }
  }
  return out;
}

/** Config values under command-line values: a flag given on the command line wins. */
export function withConfig(config: FlagValues, values: FlagValues): FlagValues {
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  return { ...config, ...given };
}

function scalarText(where: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new UsageError(`${where} must be text, a number or a list of them, got ${JSON.stringify(value)}`);
}

/** A command's help: usage, description, every flag (with the registry's choices), examples. */
export function helpText(
  parts: { usage: string; description: string; examples: readonly string[] },
  flags: Flags,
  registry: PluginRegistry,
): string {
  const rows = Object.entries(flags).map(([name, flag]) => {
    const left = `${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.value ? ` ${flag.value}` : ''}`;
    const choices = flag.choices ? `; choices: ${registry.names(flag.choices).join(', ')}` : '';
    return [left, `${flag.help}${choices}`] as const;
  });
  const width = Math.min(28, Math.max(...rows.map(([left]) => left.length)) + 2);
  const lines = rows.map(([left, right]) => {
    const pad = left.length + 2 > width ? `\n${' '.repeat(width + 2)}` : ' '.repeat(width - left.length);
    return `  ${left}${pad}${wrap(right, 100 - width - 2).join(`\n${' '.repeat(width + 2)}`)}`;
  });
  return [
    `Usage: ${parts.usage}`,
    '',
    parts.description,
    '',
    'Options:',
    ...lines,
    '',
    'Examples:',
    ...parts.examples.map((example) => `  ${example}`),
  ].join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** The value of a single-valued text flag. */
export function text(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The values of a repeatable flag. */
export function list(values: FlagValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}
