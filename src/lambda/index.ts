/**
 * Lambda's safe expression language: `Lambda('mean(x, axis=1)')`. Parsed into plain data and
 * interpreted by src/engine; never evaluated as JavaScript. No tfjs here.
 */
export type { LambdaExpr } from './ast.js';
export { parseLambda, MAX_SOURCE_LENGTH } from './parser.js';
export { MAX_NESTING_DEPTH } from './cursor.js';
export { formatLambda, formatIndexItem } from './format.js';
export { lambdaOutputShape } from './shape.js';
export { LAMBDA_FUNCTIONS, findLambdaFunction } from './function-table.js';

import { LAMBDA_FUNCTIONS } from './function-table.js';
import { formatSignature } from './functions.js';

/** Help/completion table: every function's signature and one-line doc, in help order. */
export function collectFunctions(): { readonly name: string; readonly signature: string; readonly doc: string }[] {
  return LAMBDA_FUNCTIONS.map((f) => ({ name: f.name, signature: formatSignature(f), doc: f.doc }));
}
