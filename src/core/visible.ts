/**
 * Text from outside klayers (CSV cells and headers, class labels, names and values read from
 * files) shown safely: a control character (C0 such as ESC or newline, DEL, C1), a line or
 * paragraph separator or a bidirectional override is written as its escape (`\x1b`, `\n`,
 * `\u202e`), as Python's repr writes it, so it can neither drive the terminal nor reorder or
 * break the line it is in. Any other text comes back unchanged.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(ch: string): string {
  if (Object.hasOwn(NAMED, ch)) return NAMED[ch]!;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of untrusted text (a cell, a label, a name), safe to print: a newline shows as `\n`. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** Output text whose own line breaks stay: every other control character is escaped as visible() does. */
export function visibleLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escaped);
}
