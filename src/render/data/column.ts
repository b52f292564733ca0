import { typeLabel } from '../../data/table/column-types.js';
import type { Dataset } from '../../data/encode/dataset.js';
import { encodedNames } from '../../data/encode/encoders.js';
import type { TableBlock } from '../blocks.js';
import { schemaTable } from './schema.js';

/** `column NAME`: one column's type, why, summary and what it becomes. */
export function columnTable(dataset: Dataset, name: string): TableBlock {
  const info = dataset.table.columns.find((c) => c.name === name)!;
  const encoder = dataset.encoders.find((e) => e.column === name);
  const target = dataset.targets.find((t) => t.column === name);
  const becomes = encoder
    ? `Encoded as ${encodedNames(encoder).length} value(s): ${encodedNames(encoder).slice(0, 8).join(', ')}${encodedNames(encoder).length > 8 ? ', …' : ''}.`
    : target
      ? `The target${target.kind === 'number' ? '' : `: classes ${target.classes.join(', ')}`}.`
      : 'Not used (ignored).';
  // The schema's header and this column's row (a name followed by a space also starts the
  // line of a column named `NAME …`), laid out as wide as the whole schema.
  const only = dataset.table.columns.flatMap((c, i) => (c.name === name || c.name.startsWith(`${name} `) ? [i] : []));
  return schemaTable(dataset, { title: [`${name}: ${typeLabel(info.type)} (${info.why}), ${info.role}.`, becomes], only });
}
