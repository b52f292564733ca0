/** Stand-in for src/complete until it lands: same API, no candidates, no hint. */
export interface Completion {
  from: number;
  to: number;
  candidates: readonly { text: string; display?: string; kind: string; detail?: string }[];
}
export interface CompletionContext {
  layerNames: readonly string[];
  layerCount: number;
  cwd: string;
  layerClasses?: readonly string[];
}
export function complete(_line: string, cursor: number, _ctx: CompletionContext): Completion {
  return { from: cursor, to: cursor, candidates: [] };
}
export function commonExtension(_line: string, _completion: Completion): string {
  return '';
}
export function signatureHint(_line: string, _cursor: number, _width?: number): { text: string; highlight: readonly [number, number] | null } | null {
  return null;
}
