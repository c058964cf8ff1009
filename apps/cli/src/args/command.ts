// What every command does first: parse its flags, load the --plugin modules (so help and errors
// list them), and answer --help.
import type { Io } from '../io';
import type { PluginSet } from '../plugins/load';
import { pluginsFor } from '../plugins/load';
import type { Flags, FlagValues } from './flags';
import { helpText, parseFlags } from './flags';

/** A command's help: usage line, description, examples. */
export interface CommandHelp {
  readonly usage: string;
  readonly description: string;
  readonly examples: readonly string[];
}

/** Parsed flags and plugins, or undefined when --help was answered. */
export async function startCommand(
  args: readonly string[],
  flags: Flags,
  help: CommandHelp,
  io: Io,
): Promise<({ values: FlagValues; positionals: string[] } & PluginSet) | undefined> {
  const { values, positionals } = parseFlags(args, flags);
  const plugins = await pluginsFor(values, io);
  if (values.help) {
    io.stdout.write(`${helpText(help, flags, plugins.registry)}\n`);
    return undefined;
  }
  return { values, positionals, ...plugins };
}
