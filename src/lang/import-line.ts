/**
 * `import keras`, `import numpy as np`, `from keras import layers`,
 * `from keras.layers import (Dense, Conv2D)`, `from keras import *`. Checked, then ignored by
 * the session; `text` is the statement re-spelled with canonical spacing (comments dropped).
 */
import type { Line } from './ast.js';
import type { Parser } from './parser.js';
import type { Token } from './tokens.js';

/** Parses an import statement; the cursor is on the `import` or `from` token. */
export function parseImport(p: Parser): Line {
  const tokens: Token[] = [];
  const take = (token: Token): Token => (tokens.push(token), token);
  const keyword = take(p.next());
  if (keyword.text === 'from') {
    take(expectName(p, "expected a module name after 'from'"));
    const word = p.peek();
    if (word.kind !== 'name' || word.text !== 'import') p.fail(word, "expected 'import'");
    take(p.next());
    if (p.at('*')) take(p.next());
    else if (p.at('(')) {
      take(p.openBracket());
      takeNameList(p, take, false, ')');
      take(p.closeBracket("expected ',' or ')'"));
    } else takeNameList(p, take, false, '');
  } else {
    takeNameList(p, take, true, '');
  }
  const end = p.peek();
  if (end.kind !== 'end') p.fail(end, "expected ',' or end of line");
  return { kind: 'import', text: spell(tokens) };
}

/** `a [as b], c [as d]...`; dotted names only after `import`, an optional trailing `,` only inside `(...)`. */
function takeNameList(p: Parser, take: (t: Token) => Token, dotted: boolean, closer: string): void {
  for (;;) {
    const name = take(expectName(p, closer ? `expected a name or '${closer}'` : 'expected a name to import'));
    if (!dotted && name.text.includes('.')) p.fail(name, `expected a plain name, not '${name.text}'`);
    const as = p.peek();
    if (as.kind === 'name' && as.text === 'as') {
      take(p.next());
      const alias = take(expectName(p, "expected a name after 'as'"));
      if (alias.text.includes('.')) p.fail(alias, `expected a plain name after 'as', not '${alias.text}'`);
    }
    if (!p.at(',')) return;
    take(p.next());
    if (closer && p.at(closer)) return;
  }
}

function expectName(p: Parser, expected: string): Token {
  const token = p.peek();
  if (token.kind !== 'name') p.fail(token, expected);
  return p.next();
}

function spell(tokens: readonly Token[]): string {
  let text = '';
  tokens.forEach((token, i) => {
    const glued = i === 0 || token.text === ',' || token.text === ')' || tokens[i - 1]!.text === '(';
    text += (glued ? '' : ' ') + token.text;
  });
  return text;
}
