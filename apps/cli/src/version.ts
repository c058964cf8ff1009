// The CLI's version, inlined by the build from package.json.
declare const __VERSION__: string;

export const version: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
