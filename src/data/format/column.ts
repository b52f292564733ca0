import { typeLabel } from '../table/column-types.js';
import type { Dataset } from '../encode/dataset.js';
import { encodedNames } from '../encode/encoders.js';
import { formatSchema } from './schema.js';

/** `column NAME`: one column's type, why, summary and what it becomes. */
export function formatColumn(dataset: Dataset, name: string, columns: number): string {
  const info = dataset.table.columns.find((c) => c.name === name)!;
  const encoder = dataset.encoders.find((e) => e.column === name);
  const target = dataset.targets.find((t) => t.column === name);
  const becomes = encoder
    ? `Encoded as ${encodedNames(encoder).length} value(s): ${encodedNames(encoder).slice(0, 8).join(', ')}${encodedNames(encoder).length > 8 ? ', …' : ''}.`
    : target
      ? `The target${target.kind === 'number' ? '' : `: classes ${target.classes.join(', ')}`}.`
      : 'Not used (ignored).';
  const row = formatSchema(dataset, columns)
    .split('\n')
    .filter((line, i) => i < 2 || line.startsWith(`${name} `) || line === name);
  return [`${name}: ${typeLabel(info.type)} (${info.why}), ${info.role}.`, becomes, ...row].join('\n');
}
