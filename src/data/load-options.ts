import { isIdent, isList, isTuple, type Value } from '../lang/ast.js';
import { UserError } from '../core/user-error.js';
import { didYouMean } from '../core/suggest.js';
import { emptyRecord } from '../core/own.js';
import { COLUMN_TYPES, parseColumnType, type ColumnType } from './table/column-types.js';
import type { TaskChoice } from './csv/column-plan.js';
import type { Scale } from './encode/encoders.js';
import { formatValue } from '../lang/format-value.js';

/** A word the user may type bare or quoted: `target=y`, `target='y'`. */
export function word(v: Value, name: string): string {
  if (typeof v === 'string') return v;
  if (isIdent(v)) return v.name;
  if (typeof v === 'number') return String(v);
  throw new UserError(`Expected a name for ${name}. Received: ${name}=${formatValue(v)}`);
}

export function words(v: Value, name: string): string[] {
  if (isTuple(v)) return v.items.map((i) => word(i, name));
  if (isList(v)) return v.map((i) => word(i, name));
  return word(v, name).split(',').map((s) => s.trim()).filter(Boolean);
}

export function int(v: Value, name: string, min: number): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
  throw new UserError(`Expected an integer >= ${min} for ${name}. Received: ${name}=${formatValue(v)}`);
}

export function fraction(v: Value, name: string): number {
  if (typeof v === 'number' && v >= 0 && v < 1) return v;
  throw new UserError(`Expected a fraction from 0 to 1 for ${name}. Received: ${name}=${formatValue(v)}`);
}

export function bool(v: Value, name: string): boolean {
  if (typeof v === 'boolean') return v;
  throw new UserError(`Expected True or False for ${name}. Received: ${name}=${formatValue(v)}`);
}

export function columnType(text: string, column: string): ColumnType {
  const type = parseColumnType(text.trim());
  if (type) return type;
  throw new UserError(`Unknown column type '${text}' for '${column}'.${didYouMean(text, COLUMN_TYPES)}`, `Types: ${COLUMN_TYPES.join(', ')}.`);
}

/** `types="zip:category,notes:ignore"` as a map. */
export function parseTypes(v: Value): Record<string, ColumnType> {
  const out = emptyRecord<ColumnType>();
  for (const part of words(v, 'types')) {
    const at = part.lastIndexOf(':');
    if (at <= 0) throw new UserError(`Expected COLUMN:TYPE in types=. Received: '${part}'`, 'Example: types="zip:category,notes:ignore".');
    out[part.slice(0, at).trim()] = columnType(part.slice(at + 1), part.slice(0, at).trim());
  }
  return out;
}

const SCALES: Readonly<Record<string, Scale>> = { standard: 'standard', zscore: 'standard', 'z-score': 'standard', minmax: 'minmax', none: 'none' };

export function parseScale(v: Value): Scale {
  const w = word(v, 'scale').toLowerCase();
  const scale = SCALES[w];
  if (scale) return scale;
  throw new UserError(`Unknown scale '${w}'.${didYouMean(w, Object.keys(SCALES))}`, 'Choose scale=standard (z-score, the default), minmax or none.');
}

export function parseTask(v: Value): TaskChoice {
  const w = word(v, 'task').toLowerCase();
  if (w === 'classification' || w === 'regression') return w;
  throw new UserError(`Unknown task '${w}'.${didYouMean(w, ['classification', 'regression'])}`, 'Choose task=classification or task=regression.');
}

export function parseDelimiter(v: Value): string {
  const w = word(v, 'delimiter');
  const d = w === 'tab' || w === '\\t' ? '\t' : w;
  if ([',', ';', '\t', '|'].includes(d)) return d;
  throw new UserError(`Unsupported delimiter ${formatValue(w)}.`, "Choose delimiter=',' ';' '|' or tab.");
}

export function parseShape(v: Value, name: string): number[] {
  const items = isTuple(v) ? v.items : isList(v) ? v : [v];
  return items.map((i) => int(i, name, 1));
}
