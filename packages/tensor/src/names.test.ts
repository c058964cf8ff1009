// The typed names list exactly the built-ins: `satisfies` fails to compile on a missing or an
// extra name, and the test compares the keys with the exported lists themselves.
import { describe, expect, it } from 'vitest';
import { backends } from './backends/index';
import { initializers } from './initializers/index';
import type { BackendName, InitializerName } from './names';

const initializerNames = {
  'epsilon-uniform': true,
  'glorot-normal': true,
  'glorot-uniform': true,
  'he-normal': true,
  'he-uniform': true,
  zeros: true,
} satisfies Record<InitializerName, true>;
const backendNames = { wasm: true, js: true, reference: true } satisfies Record<BackendName, true>;

describe('InitializerName and BackendName', () => {
  it('name every built-in and nothing else', () => {
    expect(Object.keys(initializerNames).sort()).toEqual(initializers.map((p) => p.name).sort());
    expect(Object.keys(backendNames).sort()).toEqual(backends.map((p) => p.name).sort());
  });

  it('reject misspellings (these lines must fail to compile)', () => {
    // @ts-expect-error a misspelled initializer
    const initializer: InitializerName = 'he-norml';
    // @ts-expect-error there is no gpu backend
    const backend: BackendName = 'gpu';
    expect([initializer, backend]).toEqual(['he-norml', 'gpu']);
  });
});
