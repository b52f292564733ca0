/**
 * `export keras FILE.py`: a runnable Keras 3 script for the session — data loading and
 * preprocessing (CSV data), the model, compile and fit — for a user moving to Keras proper.
 */
import type { Loaded } from '../data/load.js';
import type { ModelAnalysis } from '../model/analyze.js';
import type { ModelState } from '../model/state.js';
import { formatPythonFloat, formatPythonString } from '../core/python.js';
import { visible } from '../core/visible.js';
import { formatCompile } from '../train/compile-config.js';
import { type CompileConfig } from '../core/training.js';
import { DEFAULT_BATCH_SIZE } from '../train/fit-options.js';
import type { LastFit } from '../session/train-state.js';
import { kerasDataCode } from './keras-data.js';
import { kerasModelCode } from './keras-layers.js';

/** Lines between these markers build the model alone (tests run just that part). */
export const MODEL_BEGIN = '# --- model ---';
export const MODEL_END = '# --- end of model ---';

interface ScriptInputs {
  readonly state: ModelState;
  readonly analysis: ModelAnalysis;
  /** The session's compile, or null when `compile` was never run. */
  readonly compile: CompileConfig | null;
  readonly loaded: Loaded | null;
  /** Epochs of the session's last fit, or null when it never trained. */
  readonly lastFitEpochs: number | null;
  /** The last fit's other settings, or null when it never trained. */
  readonly lastFit: LastFit | null;
}

/** Keras's fit arguments for what the last fit was asked (defaults left out, as a person writes them). */
function fitArguments(fit: LastFit | null, validation: boolean): string {
  const parts = [`batch_size=${fit?.batchSize ?? DEFAULT_BATCH_SIZE}`];
  if (fit && !fit.shuffle) parts.push('shuffle=False');
  if (fit?.classWeight) parts.push(`class_weight={${Object.entries(fit.classWeight).map(([k, w]) => `${k}: ${formatPythonFloat(w)}`).join(', ')}}`);
  if (fit && fit.patience !== null) parts.push(`callbacks=[keras.callbacks.EarlyStopping(monitor='${validation || fit.validationSplit !== null ? 'val_loss' : 'loss'}', patience=${fit.patience})]`);
  if (validation) parts.push('validation_data=(x_val, y_val)');
  else if (fit?.validationSplit != null) parts.push(`validation_split=${formatPythonFloat(fit.validationSplit)}`);
  return parts.join(', ');
}

function compileLine(c: CompileConfig): string {
  return formatCompile(c).replace('optimizer=', 'optimizer=keras.optimizers.');
}

function fitLines(inputs: ScriptInputs, hasData: boolean, compiled: boolean): string[] {
  const d = inputs.loaded?.dataset;
  const epochs = inputs.lastFitEpochs ?? 1;
  const fit = `model.fit(x_train, y_train, epochs=${epochs}, ${fitArguments(inputs.lastFit, Boolean(d && d.validation.size > 0))})`;
  if (!compiled) return [`# ${fit}  # compile first`];
  if (!hasData) return [`# ${fit}  # load x_train/y_train first (the session's data did not come from a CSV file)`];
  const out = [fit];
  if (d && d.test.size > 0) out.push('model.evaluate(x_test, y_test)');
  return out;
}

/** Text for inside the script's """docstring""": a quote escaped, so no `"""` can end it early. */
const docstringText = (s: string) => s.replace(/"/g, '\\"');

/** The whole script text. Throws UserError when a Lambda cannot be translated. */
export function kerasScript(inputs: ScriptInputs): string {
  const { imports, code } = kerasModelCode(inputs.state, inputs.analysis);
  const data = inputs.loaded ? kerasDataCode(inputs.loaded, inputs.compile?.loss ?? null) : null;
  const header = [
    `"""Keras 3 script exported by klayers: model ${docstringText(formatPythonString(inputs.state.modelName))}.`,
    '',
    'Run: pip install keras jax pandas && KERAS_BACKEND=jax python THIS_FILE',
    '"""',
  ];
  const lines = [...header, '', 'import numpy as np', ...(data ? ['import pandas as pd'] : []), 'import keras', 'from keras import layers, ops', ...imports, ''];
  if (data) lines.push(`# --- data: ${visible(inputs.loaded!.request.spec)}, encoded as klayers encoded it ---`, ...data, '');
  else if (inputs.loaded) lines.push(`# Data: klayers's ${visible(inputs.loaded.request.spec)} is not a file; load your own arrays as x_train, y_train (and x_val, y_val).`, '');
  lines.push(MODEL_BEGIN, code, MODEL_END, 'model.summary()', '');
  if (inputs.compile) lines.push(compileLine(inputs.compile));
  else lines.push('# Not compiled in klayers yet; Keras would need e.g.:', "# model.compile(optimizer='rmsprop', loss='mse')");
  lines.push(...fitLines(inputs, data !== null, inputs.compile !== null), '');
  return lines.join('\n');
}
