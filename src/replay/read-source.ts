import { readFile } from 'node:fs/promises';

/** A script's text from a file, or from stdin for `-`. */
export async function readSource(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(file, 'utf8');
}

/** `cannot read x: no such file.` */
export function readProblem(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
  return `cannot read ${file}: ${why}.`;
}
