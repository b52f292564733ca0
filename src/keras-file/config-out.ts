/**
 * config.json and metadata.json of a `.keras` file written by klayers: the Sequential config
 * `export json` writes (src/export/keras-json.ts), and Keras's metadata with this klayers's
 * Keras version and the date as Keras writes it (local time, `%Y-%m-%d@%H:%M:%S`).
 */
import { UserError } from '../core/user-error.js';
import type { CompileConfig } from '../core/training.js';
import type { ModelAnalysis } from '../model/analyze.js';
import type { ModelState } from '../model/state.js';
import { kerasModelJson } from '../export/keras-json.js';

/** The Keras version whose files klayers writes (and whose layout layout.ts follows). */
export const KERAS_VERSION = '3.15.1';

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-12-02@21:06:49`, as Keras's saving_lib dates a file. */
export function kerasDate(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}@${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** The two JSON members; refuses a model Keras could not rebuild from them. */
export function kerasFileJson(state: ModelState, analysis: ModelAnalysis, compile: CompileConfig | null, now: Date): { config: string; metadata: string } {
  const lambda = state.layers.find((l) => l.className === 'Lambda');
  if (lambda) {
    throw new UserError(
      `Layer '${lambda.name}' is a klayers Lambda: a .keras file keeps a Lambda as Python bytecode, which klayers cannot write.`,
      'Use export keras FILE.py for a runnable Keras script, save weights FILE.weights.h5 for the weights, or save model DIR for klayers\'s own format.',
    );
  }
  const { json } = kerasModelJson(state, analysis, compile);
  return { config: JSON.stringify(json), metadata: JSON.stringify({ keras_version: KERAS_VERSION, date_saved: kerasDate(now) }) };
}
