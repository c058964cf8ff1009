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
  /** The kind of failure, stable across messages; the CLI maps it to an exit code. */
  readonly code: ErrorCode;
  /** An error of kind `code`; `options.cause` is kept as the standard `Error.cause`. */
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
  /** The registry's plugin kind, e.g. `'activation'`. */
  readonly kind: string;
  /** The name that was looked up and not found. */
  readonly pluginName: string;
  /** The registered names of that kind, as listed in the message (may be empty). */
  readonly validNames: readonly string[];
  /** The error for `name` missing among `validNames` of `kind`; code `'unknown-plugin'`. */
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
  /** An error with this message and code `'shape'`. */
  constructor(message: string) {
    super('shape', message);
  }
}

/** A bad option, spec field or argument; the message names it and what was expected. */
export class InvalidArgumentError extends DeltanetError {
  /** An error with this message and code `'invalid-argument'`. */
  constructor(message: string) {
    super('invalid-argument', message);
  }
}

/** NaN or ±Infinity where finite numbers are required; says where it was found. */
export class NonFiniteError extends DeltanetError {
  /** An error with this message and code `'non-finite'`. */
  constructor(message: string) {
    super('non-finite', message);
  }
}

/** Where in a file a problem is: 1-based line and column. */
export interface SourceLocation {
  /** The file's path or name; undefined for data not read from a file. */
  readonly file?: string;
  /** 1-based line number; undefined when the problem is not tied to a line. */
  readonly line?: number;
  /** 1-based column number (a CSV column, a character in JSON); undefined when not known. */
  readonly column?: number;
  /** The field or column name involved, shown in brackets after the position; undefined when none. */
  readonly field?: string;
}

/** Input data that cannot be read: the message starts with `file:line:column`. */
export class DataError extends DeltanetError {
  /** Where the problem is; also the message's `file:line:column` prefix. */
  readonly location: SourceLocation;
  /** The message prefixed with the formatted location; code `'data'`. */
  constructor(location: SourceLocation, message: string) {
    super('data', `${formatLocation(location)}${message}`);
    this.location = location;
  }
}

/** A saved document (model, checkpoint) that fails validation; names the field. */
export class FormatError extends DeltanetError {
  /** The path of the field that failed validation (`'(document)'` for the whole text); starts the message. */
  readonly field: string;
  /** The message as `source: field: message` (`source`, the file, optional); code `'format'`. */
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
