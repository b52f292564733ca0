/**
 * A problem the user can fix: one line naming the bad value, and an optional hint saying what
 * would fix it. Every layer of klayers throws this for bad input (a layer argument, a CSV cell, a
 * command's option); the command runner turns it into an error block and the session stays as it
 * was. Anything else that escapes is a bug, reported as an internal error.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
