// Chromium for the browser tests: finds an installed one (CHROMIUM_PATH, Debian's
// /usr/bin/chromium, the other usual places), installs Debian's package with apt-get when it is
// missing and this is root on a machine with apt, and launches it headless through the caller's
// playwright-core (which never downloads a browser). `node scripts/chromium.mjs` runs the finder
// and installer first in `pnpm test`, so a fresh machine with Node and npm only passes, and a
// machine where no browser can be had fails there with what to do, not with skipped tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** Where Chromium and Chrome usually live, in the order they are tried after CHROMIUM_PATH. */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Headless flags: no sandbox (CI runs as root), no GPU, and none of Chromium's background
 * network traffic (updates, sync, QUIC probes), so a test run talks to nothing.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable Chromium: $CHROMIUM_PATH when set (and then only it), else the usual paths. */
export function findChromium(env = process.env) {
  const fromEnvironment = env.CHROMIUM_PATH;
  if (fromEnvironment) return executable(fromEnvironment) ? fromEnvironment : undefined;
  return CHROMIUM_PATHS.find(executable);
}

function hasApt() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

const HOW_TO =
  'The browser tests need Chromium. Install it (Debian/Ubuntu: `apt-get install -y --no-install-recommends chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/**
 * The path of a Chromium, installing Debian's package first when none is found and this
 * process is root with apt-get available. Throws an Error saying what to do otherwise.
 */
export function ensureChromium(env = process.env) {
  const found = findChromium(env);
  if (found) return found;
  if (env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not an executable. ${HOW_TO}`);
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !hasApt()) {
    throw new Error(
      `No Chromium found (looked in ${CHROMIUM_PATHS.join(', ')}), and ${root ? 'apt-get is not available' : 'this is not root'}, so it cannot be installed here. ${HOW_TO}`,
    );
  }
  process.stderr.write("No Chromium found: installing Debian's chromium package with apt-get…\n");
  // Lock timeout: several test runs on one machine may reach this at once.
  const apt = (...args) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt('update');
    apt('install', '-y', '--no-install-recommends', 'chromium');
  } catch (error) {
    throw new Error(`apt-get could not install chromium (${error.message.split('\n')[0]}). ${HOW_TO}`);
  }
  const installed = findChromium(env);
  if (!installed)
    throw new Error(`apt-get installed chromium, yet no executable is at the usual paths. ${HOW_TO}`);
  return installed;
}

/**
 * Launches headless Chromium with `CHROMIUM_ARGS` through the caller's playwright-core
 * `chromium` (so this file needs no dependency of its own). Fails, never skips, without one.
 *
 * @example
 * import { chromium } from 'playwright-core';
 * const browser = await launchChromium(chromium);
 */
export async function launchChromium(browserType, env = process.env) {
  const executablePath = findChromium(env);
  if (!executablePath)
    throw new Error(`No Chromium found. ${HOW_TO} (\`node scripts/chromium.mjs\` installs it when root.)`);
  return browserType.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const path = ensureChromium();
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    process.stdout.write(`browser tests: ${version || 'Chromium'} at ${path}\n`);
  } catch (error) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
}
