import type * as tf from '../backend/tf.js';
import type { LambdaExpr } from '../../lambda/ast.js';
import type { CallExpr } from '../../lambda/call-args.js';
import type { Shape } from '../../core/shape.js';

/** What an evaluator gets besides its call: how to evaluate arguments and their static shapes. */
export interface EvalScope {
  readonly evaluate: (e: LambdaExpr) => tf.Tensor;
  /** The inferred shape of an argument (batch axis unknown), for the few ops that need it. */
  readonly staticShape: (e: LambdaExpr) => Shape;
  /** The call as text, for messages. */
  readonly context: string;
}

/** Computes one function call with tfjs ops. */
export type FunctionEvaluator = (call: CallExpr, scope: EvalScope) => tf.Tensor;
