import * as tf from '../backend/tf.js';
import { isComparison, type ArithmeticOp, type LambdaExpr } from '../../lambda/ast.js';
import { formatLambda } from '../../lambda/format.js';
import { lambdaOutputShape } from '../../lambda/shape.js';
import type { Shape } from '../../core/shape.js';
import { ELEMENTWISE_EVALUATORS } from './eval-elementwise.js';
import { REDUCTION_EVALUATORS } from './eval-reduce.js';
import { SHAPE_EVALUATORS } from './eval-shape.js';
import type { EvalScope, FunctionEvaluator } from './eval-types.js';
import { compareAsFloat } from './grad.js';
import { evaluateIndex } from './index-ops.js';

const FUNCTIONS: Readonly<Record<string, FunctionEvaluator>> = {
  ...ELEMENTWISE_EVALUATORS,
  ...REDUCTION_EVALUATORS,
  ...SHAPE_EVALUATORS,
};

const ARITHMETIC: Readonly<Record<ArithmeticOp, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor>> = {
  '+': tf.add,
  '-': tf.sub,
  '*': tf.mul,
  '/': tf.div,
  '**': tf.pow,
};

/** Names of the functions the engine can evaluate (a test checks it covers the whole table). */
export const EVALUATED_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

/**
 * Computes an expression on the input tensor with tfjs ops, with the same semantics as
 * `lambdaOutputShape`. The input is cast to float32. `inputShape` is the static shape the layer
 * was built for (default: batch unknown, the rest as `x`); shapes are checked against it first,
 * so mistakes surface as UserErrors rather than tfjs errors. Intermediates are tidied.
 */
export function evaluateLambda(expr: LambdaExpr, x: tf.Tensor, inputShape?: Shape): tf.Tensor {
  const input = inputShape ?? [null, ...x.shape.slice(1)];
  lambdaOutputShape(expr, input);
  return tf.tidy(() => {
    const floatX = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
    const evaluate = (e: LambdaExpr): tf.Tensor => evaluateNode(e, floatX, scopeFor(e));
    const scopeFor = (e: LambdaExpr): EvalScope => ({
      evaluate,
      staticShape: (arg) => lambdaOutputShape(arg, input),
      context: formatLambda(e),
    });
    return evaluate(expr);
  });
}

function evaluateNode(e: LambdaExpr, x: tf.Tensor, scope: EvalScope): tf.Tensor {
  switch (e.kind) {
    case 'number':
      return tf.scalar(e.value);
    case 'x':
      return x;
    case 'unary':
      return tf.neg(scope.evaluate(e.operand));
    case 'binary': {
      const [a, b] = [scope.evaluate(e.left), scope.evaluate(e.right)];
      return isComparison(e.op) ? compareAsFloat(e.op, a, b) : ARITHMETIC[e.op](a, b);
    }
    case 'call':
      return FUNCTIONS[e.name]!(e, scope); // the parser only accepts functions of the table, all evaluated here
    case 'index':
      return evaluateIndex(scope.evaluate(e.target), e.items, scope.context);
    default:
      throw new Error(`Lambda: ${e.kind} is not a tensor`); // the parser never lets this through
  }
}
