// Types of chromium.mjs for the TypeScript tests that import it.

/** Where Chromium and Chrome usually live, in the order they are tried after CHROMIUM_PATH. */
export declare const CHROMIUM_PATHS: readonly string[];
/** Headless flags: no sandbox, no GPU, no background network traffic. */
export declare const CHROMIUM_ARGS: readonly string[];
/** The first executable Chromium, or undefined. */
export declare function findChromium(env?: Record<string, string | undefined>): string | undefined;
/** A Chromium's path, installed with apt-get when missing and possible; else throws saying what to do. */
export declare function ensureChromium(env?: Record<string, string | undefined>): string;
/** Launches headless Chromium through the caller's playwright-core `chromium`. */
export declare function launchChromium<B>(
  browserType: { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<B> },
  env?: Record<string, string | undefined>,
): Promise<B>;
