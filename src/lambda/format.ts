import type { IndexItem, LambdaExpr } from './ast.js';
import { findLambdaFunction } from './function-table.js';

// Binding strength when printed; an operand weaker than its slot gets parentheses.
const COMPARE = 0, ADD = 1, MUL = 2, UNARY = 3, POWER = 4, ATOM = 5;
const OP_LEVEL: Readonly<Record<string, number>> = { '+': ADD, '-': ADD, '*': MUL, '/': MUL, '**': POWER };

/**
 * Canonical text for an expression: single spaces around binary operators, required arguments
 * positional and optional ones as keywords (`mean(x, axis=1)`). Parsing it gives the same tree.
 */
export function formatLambda(expr: LambdaExpr): string {
  return print(expr).text;
}

// Shape inference and evaluation name the failing call by its text on every run; trees are
// immutable, so each node's text is computed once.
const printedCache = new WeakMap<LambdaExpr, Printed>();

function print(e: LambdaExpr): Printed {
  let printed = printedCache.get(e);
  if (printed === undefined) {
    printed = printUncached(e);
    printedCache.set(e, printed);
  }
  return printed;
}

interface Printed {
  readonly text: string;
  readonly level: number;
}

function printUncached(e: LambdaExpr): Printed {
  switch (e.kind) {
    case 'number':
      return { text: String(e.value), level: e.value < 0 || Object.is(e.value, -0) ? UNARY : ATOM };
    case 'x':
      return { text: 'x', level: ATOM };
    case 'none':
      return { text: 'None', level: ATOM };
    case 'bool':
      return { text: e.value ? 'True' : 'False', level: ATOM };
    case 'unary': {
      const operand = slot(e.operand, UNARY);
      return { text: operand.startsWith('-') ? `- ${operand}` : `-${operand}`, level: UNARY };
    }
    case 'binary': {
      const level = OP_LEVEL[e.op] ?? COMPARE;
      // `**` is right-associative; the others are left-associative.
      const left = e.op === '**' ? slot(e.left, ATOM) : slot(e.left, level === COMPARE ? ADD : level);
      const right = e.op === '**' ? slot(e.right, UNARY) : slot(e.right, level + 1);
      return { text: `${left} ${e.op} ${right}`, level };
    }
    case 'call':
      return { text: `${e.name}(${formatArguments(e)})`, level: ATOM };
    case 'list':
      return { text: `[${e.items.map(formatLambda).join(', ')}]`, level: ATOM };
    case 'tuple': {
      const items = e.items.map(formatLambda);
      return { text: items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`, level: ATOM };
    }
    case 'index':
      return { text: `${slot(e.target, ATOM)}[${e.items.map(formatIndexItem).join(', ')}]`, level: ATOM };
  }
}

function slot(e: LambdaExpr, minimum: number): string {
  const printed = print(e);
  return printed.level >= minimum ? printed.text : `(${printed.text})`;
}

function formatArguments(e: Extract<LambdaExpr, { kind: 'call' }>): string {
  const params = findLambdaFunction(e.name)?.params ?? [];
  const parts: string[] = [];
  for (const param of params) {
    const arg = e.args[param.name];
    if (arg === undefined) continue;
    const text = formatLambda(arg);
    parts.push(param.default === undefined ? text : `${param.name}=${text}`);
  }
  return parts.join(', ');
}

/** One index item as Python writes it: `-1`, `...`, `None`, `1:3`, `::2` (Keras ops index the same way). */
export function formatIndexItem(item: IndexItem): string {
  switch (item.kind) {
    case 'at':
      return String(item.index);
    case 'ellipsis':
      return '...';
    case 'newaxis':
      return 'None';
    case 'slice': {
      const bounds = `${item.start ?? ''}:${item.stop ?? ''}`;
      return item.step === null ? bounds : `${bounds}:${item.step}`;
    }
  }
}
