// The built-in initializers as one list, for building a registry; nothing registers on import.
import type { InitializerPlugin } from '@deltanet/contract';
import { epsilonUniform } from './epsilon-uniform';
import { glorotNormal } from './glorot-normal';
import { glorotUniform } from './glorot-uniform';
import { heNormal } from './he-normal';
import { heUniform } from './he-uniform';
import { zerosInitializer } from './zeros';

/**
 * Every built-in initializer; `epsilon-uniform` is deltanet's default.
 *
 * @example
 * const registry = createRegistry(initializers);
 * registry.get('initializer', 'epsilon-uniform').initialize(theta, createRandom(1));
 */
export const initializers: readonly InitializerPlugin[] = [
  epsilonUniform,
  glorotNormal,
  glorotUniform,
  heNormal,
  heUniform,
  zerosInitializer,
];
