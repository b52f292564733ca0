/**
 * The completion contract the REPL calls (see index.ts). Kept in its own file so the pieces of
 * the completer can share the types without importing the entry point.
 */

type CandidateKind = 'command' | 'layer' | 'argument' | 'value' | 'layer-ref' | 'path';

/** One thing Tab may insert: `text` replaces the typed part; `display` is how a list shows it. */
export interface Candidate {
  readonly text: string;
  readonly display?: string;
  readonly kind: CandidateKind;
  /** One line for a list: a command's summary, an argument's doc, a layer's class. */
  readonly detail?: string;
}

/** Replace line.slice(from, to) with a candidate's text. Candidates sorted best first; empty when nothing fits. */
export interface Completion {
  readonly from: number;
  readonly to: number;
  readonly candidates: readonly Candidate[];
}

/** What the completer needs to know about the session; the REPL builds it before each Tab. */
export interface CompletionContext {
  /** The model's layer names in order (`dense`, `dense_1`). */
  readonly layerNames: readonly string[];
  readonly layerCount: number;
  /** Directory that relative paths start from. */
  readonly cwd: string;
  /** Keras class of each layer, parallel to layerNames (`Dense`); lets `set 1 ` offer its arguments. */
  readonly layerClasses?: readonly string[];
  /** Home directory for `~` (defaults to os.homedir()); tests pass their own. */
  readonly home?: string;
}

export interface SignatureHint {
  readonly text: string;
  /** [start, end) of the current argument within text, or null */
  readonly highlight: readonly [number, number] | null;
}

