/**
 * Terminal input → editor keys. Ink's input parser hands over one escape sequence, or a run of
 * plain characters (a paste, or a burst of typing); this splits the run into keys. Decoding here
 * rather than through useInput keeps Backspace (DEL, 0x7f) apart from the Delete key.
 */
type KeyName =
  | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
  | 'wordLeft' | 'wordRight' | 'killStart' | 'killEnd' | 'killWordBack' | 'tab'
  | 'search' | 'interrupt' | 'eof' | 'escape' | 'cancel';

export type Key = { readonly name: 'insert'; readonly text: string } | { readonly name: KeyName };

const CONTROL: Readonly<Record<string, KeyName>> = {
  '\r': 'enter', '\n': 'enter', '\x7f': 'backspace', '\b': 'backspace', '\t': 'tab',
  '\x01': 'home', '\x05': 'end', '\x02': 'left', '\x06': 'right', '\x10': 'up', '\x0e': 'down',
  '\x15': 'killStart', '\x0b': 'killEnd', '\x17': 'killWordBack', '\x12': 'search',
  '\x03': 'interrupt', '\x04': 'eof', '\x07': 'cancel',
};

const ESCAPES: Readonly<Record<string, KeyName>> = {
  '\x1b': 'escape', '\x1b[A': 'up', '\x1b[B': 'down', '\x1b[C': 'right', '\x1b[D': 'left',
  '\x1bOA': 'up', '\x1bOB': 'down', '\x1bOC': 'right', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[7~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end', '\x1b[8~': 'end', '\x1b[3~': 'delete',
  // Alt/Ctrl with arrows (xterm), Alt-b/Alt-f (emacs), ESC ESC [D (macOS terminals).
  '\x1b[1;3D': 'wordLeft', '\x1b[1;5D': 'wordLeft', '\x1b[1;9D': 'wordLeft', '\x1bb': 'wordLeft', '\x1b\x1b[D': 'wordLeft',
  '\x1b[1;3C': 'wordRight', '\x1b[1;5C': 'wordRight', '\x1b[1;9C': 'wordRight', '\x1bf': 'wordRight', '\x1b\x1b[C': 'wordRight',
  '\x1b\x7f': 'killWordBack', '\x1b\b': 'killWordBack',
};

/** The keys in one chunk of terminal input; unknown escape sequences are dropped. */
export function decodeKeys(chunk: string): Key[] {
  if (chunk.startsWith('\x1b')) {
    const name = ESCAPES[chunk];
    return name ? [{ name }] : [];
  }
  const keys: Key[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ name: 'insert', text });
    text = '';
  };
  for (let i = 0; i < chunk.length; i += 1) {
    const c = chunk[i]!;
    const name = CONTROL[c];
    if (name) {
      flush();
      // A pasted Windows line end is one Enter, not two.
      if (c === '\r' && chunk[i + 1] === '\n') i += 1;
      keys.push({ name });
    } else if (c >= ' ') {
      text += c;
    }
  }
  flush();
  return keys;
}
