import assert from 'node:assert/strict';
import { parseLambda } from '../../src/lambda/index.js';
import { UserError } from '../../src/core/user-error.js';

/** The message parseLambda throws for `source` (fails when it parses or throws anything else). */
export function parseError(source: string): string {
  try {
    parseLambda(source);
  } catch (error) {
    assert.ok(error instanceof UserError, `${source} threw ${String(error)}`);
    return error.message;
  }
  assert.fail(`${source} parsed`);
}
