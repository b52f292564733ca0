import { Parser, type CsvError, type Options } from 'csv-parse';

/** csv-parse's synchronous core, which its stream Parser wraps (`parser.api`). */
interface ParseApi {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): CsvError | undefined;
}

/**
 * Feeds byte chunks to csv-parse and receives each record synchronously, with the file line it
 * ended on. Driving the parser's core directly instead of piping a stream removes one object
 * stream hop per record and gives exact line numbers for messages.
 */
export class CsvRecordParser {
  private readonly parser: Parser;
  private readonly api: ParseApi;

  constructor(options: Options) {
    this.parser = new Parser(options);
    this.api = (this.parser as unknown as { api: ParseApi }).api;
  }

  /** The 1-based line the parser is on (the line where the last record ended). */
  get line(): number {
    return this.parser.info.lines;
  }

  /** Parses a chunk (or, with `undefined`, flushes the end); throws csv-parse's error, if any. */
  feed(chunk: Buffer | undefined, push: (record: string[]) => void): void {
    const err = this.api.parse(chunk, chunk === undefined, push, () => {});
    if (err) throw err;
  }
}

/** csv-parse's options as klayers uses them: RFC 4180 quoting, BOM stripped, bounded rows. */
export function csvOptions(delimiter: string, maxRecordBytes: number): Options {
  return { bom: true, delimiter, max_record_size: maxRecordBytes, skip_empty_lines: true };
}
