/**
 * The Lambda expression tree. Plain JSON-able data: it is interpreted by the engine, never
 * evaluated as JavaScript, and `formatLambda` turns it back into canonical text.
 */
export type LambdaExpr =
  | { readonly kind: 'number'; readonly value: number }
  /** The layer's input tensor. */
  | { readonly kind: 'x' }
  | { readonly kind: 'none' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'unary'; readonly op: '-'; readonly operand: LambdaExpr }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: LambdaExpr;
      readonly right: LambdaExpr;
    }
  /** A function call with its arguments bound to parameter names (only those given). */
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: Readonly<Record<string, LambdaExpr>>;
    }
  /** `[a, b]`: the tensors of concatenate/stack, or a list of ints. */
  | { readonly kind: 'list'; readonly items: readonly LambdaExpr[] }
  /** `(8, 8)`: a constant tuple such as a shape or axes. */
  | { readonly kind: 'tuple'; readonly items: readonly LambdaExpr[] }
  | { readonly kind: 'index'; readonly target: LambdaExpr; readonly items: readonly IndexItem[] };

export type ArithmeticOp = '+' | '-' | '*' | '/' | '**';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type BinaryOp = ArithmeticOp | ComparisonOp;

/** One entry between the brackets of `x[...]`, with numpy meaning. */
export type IndexItem =
  /** An integer: picks one position and drops the axis. */
  | { readonly kind: 'at'; readonly index: number }
  /** `start:stop:step`, each part optional. */
  | {
      readonly kind: 'slice';
      readonly start: number | null;
      readonly stop: number | null;
      readonly step: number | null;
    }
  /** `...`: as many full slices as needed. */
  | { readonly kind: 'ellipsis' }
  /** `None`: inserts an axis of length 1. */
  | { readonly kind: 'newaxis' };

const COMPARISON_OPS: readonly ComparisonOp[] = ['<', '<=', '>', '>=', '==', '!='];

export function isComparison(op: BinaryOp): op is ComparisonOp {
  return (COMPARISON_OPS as readonly string[]).includes(op);
}

/** Expressions that denote a tensor (as opposed to a constant tuple, list, None or bool). */
export function isTensorExpr(e: LambdaExpr): boolean {
  return (
    e.kind === 'number' ||
    e.kind === 'x' ||
    e.kind === 'unary' ||
    e.kind === 'binary' ||
    e.kind === 'call' ||
    e.kind === 'index'
  );
}
