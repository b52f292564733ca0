import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SummaryModel } from '../../src/render/summary-types.js';
import { repoRoot } from '../helpers/repo-root.js';

/** One golden file written by scripts/keras-golden/summaries.py from real Keras 3. */
export interface SummaryGolden {
  readonly case: string;
  readonly description: string;
  readonly summaryKwargs: { readonly show_trainable?: boolean };
  readonly model: SummaryModel;
  /** Terminal columns -> exactly what Keras printed, or null where Keras raised. */
  readonly outputs: Readonly<Record<string, string | null>>;
}

export function loadSummaryGoldens(): SummaryGolden[] {
  const folder = join(repoRoot(), 'test', 'golden', 'summaries');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as SummaryGolden);
}

/** A line-by-line diff that shows where our text leaves Keras's (spaces made visible). */
export function describeDiff(expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const same = want[i] === got[i];
    const show = (s: string | undefined): string => (s === undefined ? '<missing>' : s.replace(/ /g, '·'));
    if (same) out.push(`  ${show(want[i])}`);
    else out.push(`- ${show(want[i])}`, `+ ${show(got[i])}`);
  }
  return out.join('\n');
}
