// The browser finder: CHROMIUM_PATH wins when it names an executable, a bad one is reported with
// what to do (never silently skipped), and the headless flags keep Chromium off the network.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium, findChromium, launchChromium } from './chromium.mjs';

describe('scripts/chromium.mjs', () => {
  it('takes CHROMIUM_PATH when it is an executable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chromium-'));
    const fake = join(dir, 'chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const env = { CHROMIUM_PATH: fake };
    expect(findChromium(env)).toBe(fake);
    expect(ensureChromium(env)).toBe(fake);
  });

  it('says what to do when CHROMIUM_PATH is not an executable, and launching fails the same way', async () => {
    process.env.CHROMIUM_PATH = join(tmpdir(), 'no-such-chromium');
    expect(findChromium()).toBeUndefined();
    expect(() => ensureChromium()).toThrow(
      /not an executable.*apt-get install -y --no-install-recommends chromium/,
    );
    const neverCalled = { launch: () => Promise.reject(new Error('launched')) };
    await expect(launchChromium(neverCalled)).rejects.toThrow(/No Chromium found/);
  });

  it('launches headless with the sandbox, GPU and background networking off', () => {
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-background-networking']),
    );
  });
});
