// `deltanet plugins`: every activation, loss, regularizer, optimizer, initializer and backend
// available, third-party ones (--plugin) included, each with its one-line description.
import type { PluginKind } from '@deltanet/contract';
import { pluginKinds } from '@deltanet/contract';
import { startCommand } from '../args/command';
import type { Flags } from '../args/flags';
import { commonFlags } from '../args/flags';
import type { Io } from '../io';
import { eventSink } from '../output/events';
import { table } from '../output/table';

export const pluginsFlags = {
  ...commonFlags,
} as const satisfies Flags;

const headings: Record<PluginKind, string> = {
  activation: 'activations',
  loss: 'losses',
  regularizer: 'regularizers',
  optimizer: 'optimizers',
  initializer: 'initializers',
  backend: 'backends',
  layer: 'layers',
};

const help = {
  usage: 'deltanet plugins [--plugin <module>...]',
  description: `Lists every plugin by kind with its options and a one-line description. Plugins loaded with
--plugin are listed with the module they came from; their derivatives are checked when loaded.`,
  examples: ['deltanet plugins', 'deltanet plugins --plugin ./cube.mjs', 'deltanet plugins --json'],
};

export async function plugins(args: string[], io: Io): Promise<number> {
  const started = await startCommand(args, pluginsFlags, help, io);
  if (!started) return 0;
  const { values, registry, loaded } = started;
  const origin = new Map(loaded.map(({ plugin, module }) => [`${plugin.kind}/${plugin.name}`, module]));
  const entries = pluginKinds.flatMap((kind) =>
    registry.list(kind).map((plugin) => ({
      kind,
      name: plugin.name,
      description: plugin.description,
      ...(plugin.options && { options: { ...plugin.options } }),
      ...(origin.has(`${kind}/${plugin.name}`) && { module: origin.get(`${kind}/${plugin.name}`)! }),
    })),
  );
  eventSink(io.stdout, values.json === true).emit({ event: 'result', command: 'plugins', plugins: entries });
  if (values.json === true) return 0;
  const sections = pluginKinds.map((kind) => {
    const rows = entries
      .filter((entry) => entry.kind === kind)
      .map((entry) => [
        entry.name,
        entry.description +
          (entry.options
            ? ` [${Object.entries(entry.options)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join(', ')}]`
            : '') +
          (entry.module ? ` (from ${entry.module})` : ''),
      ]);
    return `${headings[kind]}:\n${table(rows)}`;
  });
  io.stdout.write(`${sections.join('\n\n')}\n`);
  return 0;
}
