/** What an argument of a Lambda function accepts. */
export type ParamKind =
  | 'tensor' // any tensor expression; a number is a scalar tensor
  | 'tensors' // a list of tensor expressions: [x, square(x)]
  | 'number' // a constant number: clip's bounds
  | 'int'
  | 'int_or_none'
  | 'axes' // an int, a tuple of ints, or None (all axes)
  | 'ints' // a tuple of ints: a shape or a permutation
  | 'ints_or_none'
  | 'bool';

/** A constant argument value once read: numbers, None, bools and tuples of ints. */
export type ConstValue = number | null | boolean | readonly number[];

export interface LambdaParam {
  readonly name: string;
  readonly kind: ParamKind;
  /** Absent means required. */
  readonly default?: ConstValue;
}

export type FunctionCategory = 'elementwise' | 'binary' | 'reduction' | 'shape';

/** One function the Lambda language offers; help and completion read this table. */
export interface LambdaFunction {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly params: readonly LambdaParam[];
  /** One line, shown by help. */
  readonly doc: string;
}

/** `mean(x, axis=None, keepdims=False)`: the signature as help shows it. */
export function formatSignature(fn: LambdaFunction): string {
  const params = fn.params.map((p) =>
    p.default === undefined ? p.name : `${p.name}=${formatConst(p.default)}`,
  );
  return `${fn.name}(${params.join(', ')})`;
}

/** A constant as Python writes it: None, True, (2, 1), -1. */
function formatConst(value: ConstValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  return value.length === 1 ? `(${value[0]},)` : `(${value.join(', ')})`;
}
