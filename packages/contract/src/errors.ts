// Errors that say what was wrong and where; `code` lets callers (the CLI) map them to exit codes.

/** What kind of failure an error reports. */
export type ErrorCode =
  | 'unknown-plugin'
  | 'invalid-argument'
  | 'shape'
  | 'non-finite'
  | 'data'
  | 'format'
  | 'diverged';

/** The base of every deltanet error. */
export class DeltanetError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * A plugin name that is not in the registry.
 *
 * @example
 * // unknown activation "relu6"; valid activations: elu, gelu, leaky-relu, linear, relu, sigmoid
 */
export class UnknownPluginError extends DeltanetError {
  readonly kind: string;
  readonly pluginName: string;
  readonly validNames: readonly string[];
  constructor(kind: string, name: string, validNames: readonly string[]) {
    const valid = validNames.length > 0 ? validNames.join(', ') : '(none registered)';
    super('unknown-plugin', `unknown ${kind} "${name}"; valid ${plural(kind)}: ${valid}`);
    this.kind = kind;
    this.pluginName = name;
    this.validNames = validNames;
  }
}

/** Matrices whose shapes do not fit the operation; the message names both shapes. */
export class ShapeError extends DeltanetError {
  constructor(message: string) {
    super('shape', message);
  }
}

/** A bad option, spec field or argument; the message names it and what was expected. */
export class InvalidArgumentError extends DeltanetError {
  constructor(message: string) {
    super('invalid-argument', message);
  }
}

/** NaN or ±Infinity where finite numbers are required; says where it was found. */
export class NonFiniteError extends DeltanetError {
  constructor(message: string) {
    super('non-finite', message);
  }
}

/** Where in a file a problem is: 1-based line and column. */
export interface SourceLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
}

/** Input data that cannot be read: the message starts with `file:line:column`. */
export class DataError extends DeltanetError {
  readonly location: SourceLocation;
  constructor(location: SourceLocation, message: string) {
    super('data', `${formatLocation(location)}${message}`);
    this.location = location;
  }
}

/** A saved document (model, checkpoint) that fails validation; names the field. */
export class FormatError extends DeltanetError {
  readonly field: string;
  constructor(field: string, message: string, source?: string) {
    super('format', `${source ? `${source}: ` : ''}${field}: ${message}`);
    this.field = field;
  }
}

function formatLocation({ file, line, column, field }: SourceLocation): string {
  let where = file ?? '';
  if (line !== undefined) where += `${where ? ':' : 'line '}${line}`;
  if (column !== undefined) where += `:${column}`;
  if (field !== undefined) where += `${where ? ' ' : ''}(${field})`;
  return where ? `${where}: ` : '';
}

function plural(noun: string): string {
  return /(s|x|sh|ch)$/.test(noun) ? `${noun}es` : `${noun}s`;
}
