import type { IndexItem } from './ast.js';
import type { Cursor } from './cursor.js';

const EXPECTED_ITEM = "expected an index such as 0, -1, 1:3, ::2, ... or None";

/** Parses `[items]` after a tensor: integers, `start:stop:step` slices, `...` and `None`. */
export function parseSubscript(c: Cursor): IndexItem[] {
  c.expectOp('[', "expected '['");
  const items: IndexItem[] = [];
  do {
    if (c.isOp(']') && items.length > 0) break; // trailing comma
    items.push(parseItem(c, items));
  } while (c.acceptOp(','));
  c.expectOp(']', "expected ',' or ']'");
  return items;
}

function parseItem(c: Cursor, before: readonly IndexItem[]): IndexItem {
  const token = c.peek();
  if (c.acceptOp('...')) {
    if (before.some((i) => i.kind === 'ellipsis')) throw c.error(token.column, "has a second '...'", "an index can only have one '...'");
    return { kind: 'ellipsis' };
  }
  if (token.kind === 'name' && token.text === 'None') {
    c.next();
    return { kind: 'newaxis' };
  }
  const start = parseOptionalInt(c);
  if (!c.acceptOp(':')) {
    if (start === null) throw c.unexpected(c.peek(), EXPECTED_ITEM);
    return { kind: 'at', index: start };
  }
  const stop = parseOptionalInt(c);
  const step = c.acceptOp(':') ? parseOptionalInt(c) : null;
  if (step === 0) throw c.error(token.column, 'has a slice step of 0', 'the step must be a nonzero integer such as 2 or -1');
  return { kind: 'slice', start, stop, step };
}

/** An integer literal with an optional minus sign, or null when the slot is empty. */
function parseOptionalInt(c: Cursor): number | null {
  const token = c.peek();
  const negative = c.isOp('-');
  const digits = c.peek(negative ? 1 : 0);
  if (digits.kind !== 'number') {
    if (negative) throw c.unexpected(digits, 'expected an integer after -');
    if (c.isOp(':') || c.isOp(',') || c.isOp(']')) return null;
    throw c.unexpected(token, EXPECTED_ITEM);
  }
  if (!digits.integer) throw c.error(digits.column, `has the index ${digits.text}`, 'indices and slice bounds must be integers');
  c.next();
  if (negative) c.next();
  const value = digits.value!;
  return negative && value !== 0 ? -value : value;
}
