/**
 * Decides the form of a logical line (empty, import, assignment, expression, command) and parses
 * it. Syntax errors leave as a thrown ParseFailure, caught by parseLine.
 */
import type { Line, Value } from './ast.js';
import { parseCommandArgs } from './command.js';
import { parseValue } from './expr.js';
import { parseImport } from './import-line.js';
import { isConstantName } from './names.js';
import { Parser } from './parser.js';
import { ParseFailure, type Token } from './tokens.js';

/** What may follow a command word directly: a space, a comma, a comment. */
const COMMAND_WORD_END = /[\s,#\u00a0\ufeff]/;
const VALUE_START_PUNCT = new Set(['(', '[', '+', '-']);

/** Parses one logical line (it may hold line breaks inside brackets or strings). */
export function parseLogical(src: string): Line {
  const p = new Parser(src);
  const first = p.peek();
  if (first.kind === 'end') return { kind: 'empty' };
  if (first.kind === 'name') return parseNameLine(p, first);
  if (first.kind === 'punct' && first.text === '?') {
    p.next();
    return parseCommandArgs(p, '?', first.end);
  }
  const startsValue =
    first.kind === 'number' || first.kind === 'string' || (first.kind === 'punct' && VALUE_START_PUNCT.has(first.text));
  if (!startsValue) p.fail(first, 'expected a command, a Keras call or an assignment');
  return { kind: 'expr', value: parseWholeValue(p, 'expected a value') };
}

function parseNameLine(p: Parser, first: Token): Line {
  if (first.text === 'import' || first.text === 'from') return parseImport(p);
  const after = p.peekAfter(first);
  if (after.kind === 'punct' && after.text === '=') {
    if (isConstantName(first.text)) throw new ParseFailure(`cannot assign to ${first.text}`, first.start);
    p.next();
    p.next();
    return { kind: 'assign', target: first.text, value: parseWholeValue(p, "expected a value after '='") };
  }
  const glued = p.src[first.end];
  if ((glued === '(' && !isConstantName(first.text)) || (isConstantName(first.text) && glued !== '?')) {
    return { kind: 'expr', value: parseWholeValue(p, 'expected a value') };
  }
  p.next();
  if (glued === '?') return parseCommandArgs(p, `${first.text}?`, first.end + 1);
  if (glued !== undefined && !COMMAND_WORD_END.test(glued)) {
    p.fail(p.peek(), "expected a space, then the command's arguments");
  }
  return parseCommandArgs(p, first.text, first.end);
}

/** A value that must be the rest of the line. */
function parseWholeValue(p: Parser, expected: string): Value {
  const value = parseValue(p, expected);
  const rest = p.peek();
  if (rest.kind !== 'end') p.fail(rest, 'expected end of line');
  return value;
}
