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
  if (first.kind === 'name' && isPythonStatement(first.text, src.slice(first.end))) {
    return { kind: 'python', keyword: first.text, text: src };
  }
  const targets = assignmentTargets(src);
  if (targets !== null) {
    p.seek(targets.valueStart);
    return { kind: 'unpack', targets: targets.text, value: parseAssignedValue(p) };
  }
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
    return { kind: 'assign', target: first.text, value: parseAssignedValue(p) };
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

/** Statements whose line (and indented body) klayers notes and does not run. */
const COMPOUND_STATEMENTS = new Set(['for', 'while', 'if', 'elif', 'else', 'def', 'class', 'with', 'try', 'except', 'finally', 'async']);
const SIMPLE_STATEMENTS = new Set(['return', 'global', 'assert', 'raise', 'del', 'yield', 'nonlocal']);

/** `for i in range(3):` (a header has its colon), `return model`; not a command line `if a=1`. */
function isPythonStatement(word: string, rest: string): boolean {
  if (!/^[\s(:]/.test(rest)) return false;
  if (COMPOUND_STATEMENTS.has(word)) return /:\s*($|\S)/.test(rest) && !/^\s*\w+\s*=[^=]/.test(rest);
  return SIMPLE_STATEMENTS.has(word) && /\S/.test(rest) && !/^\s*\w+\s*=[^=]/.test(rest);
}

/** `a, b = ...`, `(a, b), (c, d) = ...`, `obj.attr[k] = ...`, `x += 1`: targets other than one plain name. */
const TARGETS = /^\s*([A-Za-z_([][\w\s.,()[\]'"]*?)\s*([-+*/%]?=)(?!=)/;
const PLAIN_TARGET = /^[A-Za-z_]\w*$/;

function assignmentTargets(src: string): { text: string; valueStart: number } | null {
  const m = TARGETS.exec(src);
  if (!m) return null;
  const text = m[1]!.trim();
  if (PLAIN_TARGET.test(text) && m[2] === '=') return null;
  if (!/[,.[(]/.test(text) && m[2] === '=') return null;
  if (/\w\(/.test(text)) return null; // a call such as Dense(units=8)
  // A command's words (`load x.csv target=y`, `a () k=1`) have spaces where Python targets cannot.
  if (/\s/.test(text.replace(/([,([])\s+|\s+(?=[,)\]])/g, '$1'))) return null;
  if (/^[A-Za-z_][\w.]*$/.test(text) && m[2] === '=') return null; // model.name = 'm'
  if (/^\(\s*\)/.test(text)) return null;
  return { text: m[2] === '=' ? text : `${text} ${m[2]}`, valueStart: m[0].length };
}

/** The right of `=`: a value, or Python's bare tuple `28, 28` (`1,` too). */
function parseAssignedValue(p: Parser): Value {
  const first = parseValue(p, "expected a value after '='");
  if (!p.at(',')) return finished(p, first);
  const items = [first];
  while (p.at(',')) {
    p.next();
    if (p.peek().kind === 'end') break;
    items.push(parseValue(p, "expected a value after ','"));
  }
  return finished(p, { kind: 'tuple', items });
}

function finished(p: Parser, value: Value): Value {
  const rest = p.peek();
  if (rest.kind !== 'end') p.fail(rest, 'expected end of line');
  return value;
}

/** A value that must be the rest of the line. */
function parseWholeValue(p: Parser, expected: string): Value {
  const value = parseValue(p, expected);
  const rest = p.peek();
  if (rest.kind !== 'end') p.fail(rest, 'expected end of line');
  return value;
}
