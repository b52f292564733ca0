import { Text } from 'ink';
import stringWidth from 'string-width';
import type { Completion } from '../complete-api.js';

/** Rows shown at most; the rest are counted, so 24 lines stay readable. */
const MAX_CANDIDATE_ROWS = 6;

/**
 * Candidates in columns that fit the width, filled down then across like readline's listing;
 * more than fit in MAX_CANDIDATE_ROWS rows end in `… N more`.
 */
export function candidateGrid(candidates: Completion['candidates'], columns: number): string[] {
  const names = candidates.map((c) => c.display ?? c.text);
  if (names.length === 0) return [];
  const cell = Math.max(...names.map((n) => stringWidth(n))) + 2;
  const perRow = Math.max(1, Math.floor(columns / cell));
  const shown = names.slice(0, perRow * MAX_CANDIDATE_ROWS);
  const rows = Math.ceil(shown.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    let line = '';
    for (let c = 0; c < perRow; c += 1) {
      const name = shown[c * rows + r];
      if (name !== undefined) line += name + ' '.repeat(cell - stringWidth(name));
    }
    lines.push(line.trimEnd());
  }
  if (shown.length < names.length) lines.push(`… ${names.length - shown.length} more`);
  return lines;
}

interface CandidatesProps {
  readonly candidates: Completion['candidates'];
  readonly columns: number;
}

/** The list a second Tab shows under the prompt. */
export function Candidates({ candidates, columns }: CandidatesProps) {
  return <Text>{candidateGrid(candidates, columns).join('\n')}</Text>;
}
