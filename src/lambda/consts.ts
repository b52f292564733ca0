import { isTensorExpr, type LambdaExpr } from './ast.js';
import type { ConstValue, ParamKind } from './functions.js';

/**
 * The constant an expression denotes, or undefined when it depends on x. Arithmetic on numbers
 * folds (`1 - 1e-7`), so clip bounds and axes may be written naturally.
 */
export function readConst(e: LambdaExpr): ConstValue | undefined {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'none':
      return null;
    case 'bool':
      return e.value;
    case 'unary': {
      const v = readConst(e.operand);
      return typeof v === 'number' ? -v : undefined;
    }
    case 'binary': {
      const a = readConst(e.left);
      const b = readConst(e.right);
      if (typeof a !== 'number' || typeof b !== 'number') return undefined;
      return foldArithmetic(e.op, a, b);
    }
    case 'tuple':
    case 'list': {
      const items = e.items.map(readConst);
      return items.every((v): v is number => typeof v === 'number') ? items : undefined;
    }
    default:
      return undefined;
  }
}

function foldArithmetic(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '**': return a ** b;
    default: return undefined; // comparisons stay tensors
  }
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isInts = (v: unknown): v is readonly number[] => Array.isArray(v) && v.every(isInt);

/** What a parameter kind accepts, for messages: "an int, a tuple of ints or None". */
export const PARAM_KIND_TEXT: Readonly<Record<ParamKind, string>> = {
  tensor: 'a tensor expression',
  tensors: 'a list of tensor expressions like [x, square(x)]',
  number: 'a constant number',
  int: 'an int',
  int_or_none: 'an int or None',
  axes: 'an int, a tuple of ints or None',
  ints: 'a tuple of ints',
  ints_or_none: 'a tuple of ints or None',
  bool: 'True or False',
};

/** Whether an argument expression fits a parameter kind (checked at parse time). */
export function fitsParamKind(kind: ParamKind, e: LambdaExpr): boolean {
  if (kind === 'tensor') return isTensorExpr(e);
  if (kind === 'tensors') return (e.kind === 'list' || e.kind === 'tuple') && e.items.length > 0 && e.items.every(isTensorExpr);
  const v = readConst(e);
  switch (kind) {
    case 'number': return typeof v === 'number';
    case 'int': return isInt(v);
    case 'int_or_none': return v === null || isInt(v);
    case 'axes': return v === null || isInt(v) || isInts(v);
    case 'ints': return isInt(v) || isInts(v);
    case 'ints_or_none': return v === null || isInt(v) || isInts(v);
    case 'bool': return typeof v === 'boolean';
  }
}
