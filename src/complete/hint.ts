import { callName } from '../layers/index.js';
import type { KerasObjectSpec, ObjectParam } from '../layers/kinds/keras-objects.js';
import { formatPythonFloat } from '../core/python.js';
import { formatValue } from '../lang/format-value.js';
import type { LayerSpec } from '../layers/types.js';
import { frameLayer, frameObject } from './call.js';
import { fitSignature } from './hint-window.js';
import { keywordOf, scanBefore, type Frame } from './scan.js';
import { keywordOrder, signatureParams } from './signature.js';
import type { SignatureHint } from './types.js';

/**
 * The signature shown while typing a layer call: Keras's own signature with the argument being
 * typed highlighted, by its keyword or else by its position. Inside an initializer call such as
 * `RandomNormal(` it shows that object's parameters instead.
 */

const VALUE_WORDS = new Set(['True', 'False', 'None']);

/** Which parameter (by index into `names`) the current argument of `frame` is, or null. */
function currentParam(line: string, cursor: number, frame: Frame, names: readonly string[], positional: readonly string[], innermost: boolean, kwargsOk: (k: string) => boolean): number | null {
  const argText = line.slice(frame.argStart, cursor);
  const key = keywordOf(argText);
  if (key !== null) {
    const at = names.indexOf(key);
    if (at >= 0) return at;
    return kwargsOk(key) && names.includes('**kwargs') ? names.indexOf('**kwargs') : null;
  }
  const word = argText.trim();
  if (innermost && /^[A-Za-z_]\w*$/.test(word) && !VALUE_WORDS.has(word)) {
    // A name being typed may be the start of a keyword (`Dense(64, use_`).
    const filled = new Set([...positional.slice(0, frame.positional), ...frame.keywords]);
    const at = names.findIndex((n) => n.startsWith(word) && !filled.has(n));
    if (at >= 0) return at;
  }
  const byPosition = positional[frame.positional];
  return byPosition === undefined ? null : names.indexOf(byPosition) >= 0 ? names.indexOf(byPosition) : null;
}

function layerHint(spec: LayerSpec, line: string, cursor: number, frame: Frame, innermost: boolean, width: number): SignatureHint {
  const params = signatureParams(spec);
  const names = params.map((p) => p.name);
  const accepted = new Set(keywordOrder(spec));
  const current = currentParam(line, cursor, frame, names, spec.positional, innermost, (k) => accepted.has(k));
  return fitSignature(callName(spec), params.map((p) => p.text), current, width);
}

function objectParamText(p: ObjectParam): string {
  const v = p.default;
  return `${p.name}=${typeof v === 'number' && p.kind === 'float' ? formatPythonFloat(v) : formatValue(v)}`;
}

function objectHint(spec: KerasObjectSpec, line: string, cursor: number, frame: Frame, innermost: boolean, width: number): SignatureHint {
  const names = spec.params.map((p) => p.name);
  const current = currentParam(line, cursor, frame, names, names, innermost, () => false);
  return fitSignature(spec.className, spec.params.map(objectParamText), current, width);
}

/** While the cursor is inside a layer call: `Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform', …)` with the argument being typed highlighted. */
export function signatureHint(line: string, cursor: number, width = 80): SignatureHint | null {
  try {
    const at = Number.isFinite(cursor) ? Math.max(0, Math.min(Math.trunc(cursor), line.length)) : line.length;
    const columns = Number.isFinite(width) ? Math.max(12, Math.trunc(width)) : 80;
    const scan = scanBefore(line, at);
    if (scan.inComment) return null;
    for (let i = scan.frames.length - 1; i >= 0; i--) {
      const frame = scan.frames[i]!;
      const innermost = i === scan.frames.length - 1;
      const layer = frameLayer(frame);
      if (layer) return layerHint(layer, line, at, frame, innermost, columns);
      const object = frameObject(frame);
      if (object) return objectHint(object, line, at, frame, innermost, columns);
      // A tuple or list inside an argument belongs to the call around it; any other call does not.
      if (frame.callee !== null) return null;
    }
    return null;
  } catch {
    return null;
  }
}
