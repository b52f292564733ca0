import { CsvError } from 'csv-parse';
import { LayerError } from '../layers/types.js';

/** Where a problem is: `data.csv:7` or `data.csv:7:3` (line, then 1-based field). */
export function place(file: string, line: number, field?: number): string {
  return field === undefined ? `${file}:${line}` : `${file}:${line}:${field}`;
}

/** csv-parse's errors as one klayers line each, with the file and line. */
export function csvProblem(err: unknown, file: string, maxRecordBytes: number): LayerError {
  if (!(err instanceof CsvError)) return err instanceof LayerError ? err : new LayerError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  const line = Number(err['lines'] ?? 0);
  const at = place(file, line);
  const record = err['record'];
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const expected = String(err.message).match(/expect (\d+)/)?.[1] ?? '?';
      const got = Array.isArray(record) ? record.length : '?';
      return new LayerError(
        `${at}: this row has ${got} values, but the file has ${expected} columns.`,
        'Fix the row, or quote a value that contains the delimiter ("a, b").',
      );
    }
    case 'CSV_MAX_RECORD_SIZE':
      return new LayerError(
        `${at}: a row longer than ${maxRecordBytes / (1 << 20)} MB; klayers reads rows up to that size.`,
        'Is this a CSV file with one row per line? An unclosed quote (") also makes one endless row.',
      );
    case 'CSV_QUOTE_NOT_CLOSED':
      return new LayerError(`${at}: the file ends inside a quoted value: a quote (") is never closed.`, 'Close the quote, or double a quote inside a value ("").');
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new LayerError(`${at}: text after a closing quote (").`, 'Inside a quoted value write a quote as "".');
    default:
      return new LayerError(`${at}: ${err.message}`);
  }
}
