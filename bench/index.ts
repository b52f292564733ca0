/**
 * `npm run bench`: runs every `bench/*.bench.ts` (compiled) in turn, but the long peer bench,
 * which `npm run bench -- peers` runs. Each exports a default async
 * function that prints its own results, as ratios against a baseline measured in the same run.
 * Speed targets live here, never in timed tests. `npm run bench -- peers [options]` runs the
 * peer bench instead (bench/peers/run.ts: klayers against Keras and PyTorch; several minutes).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
if (only[0] === 'peers') {
  const peers = (await import('./peers/run.js')) as { default: (args: readonly string[]) => Promise<void> };
  process.stdout.write('\n## peers\n');
  await peers.default(only.slice(1));
} else {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    process.stdout.write(`\n## ${file.replace('.bench.js', '')}\n`);
    const mod = (await import(pathToFileURL(here + file).href)) as { default: () => Promise<void> };
    await mod.default();
  }
  if (files.length === 0) process.stdout.write('No benchmarks yet.\n');
}
