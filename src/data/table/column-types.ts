/** What klayers makes of a column. */
export type ColumnType = 'number' | 'integer-category' | 'category' | 'binary' | 'ignore';

export const COLUMN_TYPES: readonly ColumnType[] = ['number', 'integer-category', 'category', 'binary', 'ignore'];

/** Words accepted in `types="zip:category"` and `column zip type=...`. */
const TYPE_WORDS: Readonly<Record<string, ColumnType>> = {
  number: 'number',
  numeric: 'number',
  'integer-category': 'integer-category',
  category: 'category',
  categorical: 'category',
  binary: 'binary',
  ignore: 'ignore',
  ignored: 'ignore',
};

export function parseColumnType(word: string): ColumnType | undefined {
  return TYPE_WORDS[word.toLowerCase()];
}

/** How the type shows in tables: `ignored` reads better than `ignore` there. */
export function typeLabel(type: ColumnType): string {
  return type === 'ignore' ? 'ignored' : type;
}

/** Whether values of this type are stored as codes into a list of labels (not as numbers). */
export function isCoded(type: ColumnType): boolean {
  return type === 'integer-category' || type === 'category' || type === 'binary';
}
