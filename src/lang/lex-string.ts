/**
 * Python string literals: `'relu'`, `"x"`, with backslash escapes, and raw `r'...'` strings.
 * A string may run across a line break: the REPL only joins lines while a string is still open
 * (see isIncomplete), so the break belongs to the text the user typed.
 */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

type StringLex =
  | { readonly ok: true; readonly value: string; readonly end: number }
  | { readonly ok: false; readonly message: string; readonly column: number; readonly incomplete: boolean };

/** Reads the string whose opening quote is at `quoteAt`; `raw` keeps backslashes as typed. */
export function lexString(src: string, quoteAt: number, raw: boolean): StringLex {
  const quote = src[quoteAt]!;
  // Docstrings in triple quotes hold lone quotes and line breaks; they end at three quotes.
  const delimiter = src.startsWith(quote.repeat(3), quoteAt) ? quote.repeat(3) : quote;
  const parts: string[] = [];
  let chunkStart = quoteAt + delimiter.length;
  let i = chunkStart;
  while (i < src.length) {
    const c = src[i];
    if (c === quote && src.startsWith(delimiter, i)) {
      parts.push(src.slice(chunkStart, i));
      return { ok: true, value: parts.join(''), end: i + delimiter.length };
    }
    if (c !== '\\') {
      i++;
      continue;
    }
    if (i + 1 >= src.length) break;
    if (raw) {
      i += 2; // a raw string keeps the backslash, but \' still does not end it
      continue;
    }
    parts.push(src.slice(chunkStart, i));
    const escape = readEscape(src, i);
    if (!escape.ok) return { ok: false, message: escape.message, column: i, incomplete: false };
    parts.push(escape.text);
    i = escape.end;
    chunkStart = i;
  }
  return { ok: false, message: 'unterminated string literal', column: quoteAt, incomplete: true };
}

type Escape = { ok: true; text: string; end: number } | { ok: false; message: string };

/** Decodes the escape whose backslash is at `at` (a character is known to follow it). */
function readEscape(src: string, at: number): Escape {
  const c = src[at + 1]!;
  if (c === '\n') return { ok: true, text: '', end: at + 2 };
  if (c === '\r') return { ok: true, text: '', end: src[at + 2] === '\n' ? at + 3 : at + 2 };
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined && Object.hasOwn(SIMPLE_ESCAPES, c)) return { ok: true, text: simple, end: at + 2 };
  if (c >= '0' && c <= '7') {
    const octal = /[0-7]{1,3}/y;
    octal.lastIndex = at + 1;
    const digits = octal.exec(src)![0];
    return { ok: true, text: String.fromCharCode(parseInt(digits, 8)), end: at + 1 + digits.length };
  }
  const hexLength = Object.hasOwn(HEX_LENGTH, c) ? HEX_LENGTH[c]! : 0;
  if (hexLength > 0) {
    const digits = src.slice(at + 2, at + 2 + hexLength);
    const code = /^[0-9a-fA-F]+$/.test(digits) && digits.length === hexLength ? parseInt(digits, 16) : -1;
    if (code < 0 || code > 0x10ffff) {
      return { ok: false, message: `invalid \\${c} escape: expected ${hexLength} hex digits, as in \\${c}${'0'.repeat(hexLength - 1)}a` };
    }
    return { ok: true, text: c === 'U' ? String.fromCodePoint(code) : String.fromCharCode(code), end: at + 2 + hexLength };
  }
  if (c === 'N') return { ok: false, message: 'named \\N{...} escapes are not supported; type the character itself' };
  return { ok: true, text: `\\${c}`, end: at + 2 }; // Python keeps unknown escapes as typed
}
