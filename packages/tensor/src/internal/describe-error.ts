// The message of anything thrown, for verifiers' reports.

/** `Name: message` for an Error, else the thrown value as a string. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
