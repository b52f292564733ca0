import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'klayers-data-'));

/** Writes a file in this run's temp folder and returns its path. */
export function tmpFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The temp folder itself (for the "is a directory" case). */
export const TMP_DIR = dir;
