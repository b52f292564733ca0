/**
 * Plain values produced by the command-language parser. They mirror Python literals as a Keras
 * user writes them; nothing here is ever evaluated as JavaScript.
 */
export type Value = null | boolean | number | string | readonly Value[] | Tuple | Call | Ident;

/** `(3, 3)` or `(4,)`. Lists are plain arrays. */
export interface Tuple {
  readonly kind: 'tuple';
  readonly items: readonly Value[];
}

/** `Dense(64, activation='relu')`, `regularizers.l2(0.01)`; `name` keeps the dotted path as typed. */
export interface Call {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Value[];
  readonly kwargs: Readonly<Record<string, Value>>;
  /** 0-based column where the call's name starts in the source line. */
  readonly column: number;
}

/** A bare (possibly dotted) name such as `relu` or `keras2`; commands read it as a word. */
interface Ident {
  readonly kind: 'ident';
  readonly name: string;
}

/** One parsed input line. */
export type Line =
  | { readonly kind: 'empty' }
  /** `summary style=keras2`, `insert 2 Dense(8)`, `set 2 units=128`, `undo`. */
  | {
      readonly kind: 'command';
      readonly name: string;
      readonly args: readonly Value[];
      readonly kwargs: Readonly<Record<string, Value>>;
    }
  /** A bare expression: `Dense(64)`, `model.add(Dense(8))`, `keras.Sequential([...])`. */
  | { readonly kind: 'expr'; readonly value: Value }
  /** `model = keras.Sequential(name="mnist")`. */
  | { readonly kind: 'assign'; readonly target: string; readonly value: Value }
  /** `(x_train, y_train), (x_test, y_test) = ...`, `os.environ['A'] = 'b'`: `targets` as typed. */
  | { readonly kind: 'unpack'; readonly targets: string; readonly value: Value }
  /** `for ...:`, `def f():` and their indented bodies, `return`: Python statements klayers does not run. */
  | { readonly kind: 'python'; readonly keyword: string; readonly text: string }
  /** `import keras`, `from keras import layers`: accepted and ignored. */
  | { readonly kind: 'import'; readonly text: string };

/** A syntax error: `column` is 0-based into the line; `message` says what was expected. */
export interface SyntaxErrorInfo {
  readonly message: string;
  readonly column: number;
}

export type ParseResult =
  | { readonly ok: true; readonly line: Line }
  | { readonly ok: false; readonly error: SyntaxErrorInfo };

export function isCall(v: Value): v is Call {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Call).kind === 'call';
}
export function isTuple(v: Value): v is Tuple {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Tuple).kind === 'tuple';
}
export function isIdent(v: Value): v is Ident {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Ident).kind === 'ident';
}
export function isList(v: Value): v is readonly Value[] {
  return Array.isArray(v);
}
