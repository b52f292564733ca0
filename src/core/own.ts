/**
 * A lookup by a name a user or a file supplied (a column, a `types=` key, a Lambda name): only
 * the record's own entries count, so `constructor`, `toString` or `__proto__` are names like any
 * other, never Object.prototype's members.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record without a prototype: setting `__proto__` on it stores an entry. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
