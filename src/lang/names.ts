/** What a bare name means as a value: a Python constant, or an Ident the commands read as a word. */
import type { Value } from './ast.js';
import { ParseFailure, type Token } from './tokens.js';

const CONSTANTS: ReadonlyMap<string, Value> = new Map<string, Value>([
  ['None', null],
  ['True', true],
  ['False', false],
]);
/** Spellings from other languages that a Keras user may type by habit. */
const FOREIGN_CONSTANTS: ReadonlyMap<string, string> = new Map([
  ['true', 'True'],
  ['false', 'False'],
  ['none', 'None'],
  ['null', 'None'],
]);

/** True for `None`, `True`, `False`: names that are values, never layers or keywords. */
export function isConstantName(name: string): boolean {
  return CONSTANTS.has(name);
}

/** The value of a bare name token; `true`/`null` and friends are errors that name the fix. */
export function nameValue(token: Token): Value {
  const constant = CONSTANTS.get(token.text);
  if (constant !== undefined) return constant;
  const python = FOREIGN_CONSTANTS.get(token.text);
  if (python !== undefined) {
    throw new ParseFailure(`'${token.text}' is not a Python value: write ${python}`, token.start);
  }
  return { kind: 'ident', name: token.text };
}
