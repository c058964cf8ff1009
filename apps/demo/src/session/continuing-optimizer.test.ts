import { builtinRegistry, createNetwork, fit } from '@deltanet/backprop';
import { generatePlayground } from '@deltanet/data';
import { describe, expect, it } from 'vitest';
import { continuing } from './continuing-optimizer';

describe('continuing', () => {
  const registry = builtinRegistry();
  const data = generatePlayground('circle', { samples: 60, seed: 3 });

  // One fit of 3 epochs is the oracle: 3 calls of 1 epoch must land on the same Θ bit for bit.
  it.each(['adam', 'lbfgs'])('makes epoch-by-epoch fit calls equal one long %s run', async (name) => {
    const once = createNetwork({ layers: [2, 3, 1], seed: 5 });
    const stepped = createNetwork({ layers: [2, 3, 1], seed: 5 });
    const plugin = registry.get('optimizer', name);
    await fit(once, data, { optimizer: plugin, epochs: 3, batchSize: 20, shuffle: false });
    const kept = continuing(plugin);
    for (let e = 0; e < 3; e++)
      await fit(stepped, data, { optimizer: kept, epochs: 1, batchSize: 20, shuffle: false });
    expect(Array.from(stepped.params)).toEqual(Array.from(once.params));
  });

  it('differs from restarting the optimizer each call', async () => {
    const restarted = createNetwork({ layers: [2, 3, 1], seed: 5 });
    const kept = createNetwork({ layers: [2, 3, 1], seed: 5 });
    const adam = continuing(registry.get('optimizer', 'adam'));
    for (let e = 0; e < 2; e++) {
      await fit(restarted, data, { optimizer: 'adam', epochs: 1, batchSize: 20, shuffle: false });
      await fit(kept, data, { optimizer: adam, epochs: 1, batchSize: 20, shuffle: false });
    }
    expect(Array.from(kept.params)).not.toEqual(Array.from(restarted.params));
  });
});
