import type { Shape } from '../core/shape.js';
import { isComparison, type LambdaExpr } from './ast.js';
import { formatLambda } from './format.js';
import { SHAPE_RULES } from './shape-functions.js';
import { indexOutputShape } from './shape-index.js';
import { broadcastShapes, shapeError } from './shape-utils.js';

/**
 * The output shape of an expression for an input shape (batch axis first, `null` unknown), with
 * numpy semantics: broadcasting, reductions, slicing. Throws UserError naming the failing call
 * and the shapes.
 */
export function lambdaOutputShape(expr: LambdaExpr, input: Shape): Shape {
  const shapeOf = (e: LambdaExpr): Shape => {
    switch (e.kind) {
      case 'number':
        return [];
      case 'x':
        return input;
      case 'unary':
        return shapeOf(e.operand);
      case 'binary': {
        const context = isComparison(e.op) ? `comparison '${formatLambda(e)}'` : `'${formatLambda(e)}'`;
        return broadcastShapes(shapeOf(e.left), shapeOf(e.right), context);
      }
      case 'call':
        return SHAPE_RULES[e.name]!(e, shapeOf, formatLambda(e)); // the parser only accepts functions of the table
      case 'index':
        return indexOutputShape(e.items, shapeOf(e.target), formatLambda(e));
      default:
        throw shapeError(formatLambda(e), 'is not a tensor');
    }
  };
  return shapeOf(expr);
}
