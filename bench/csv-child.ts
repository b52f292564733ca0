/**
 * One measured pass over a CSV file, in its own process so its peak RSS is its own:
 * `node csv-child.js baseline|load FILE` prints {seconds, rows, maxRssMB} as JSON.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { loadData } from '../src/data/load.js';
import { parseLoadRequest } from '../src/data/load-request.js';

const [mode, file] = process.argv.slice(2) as [string, string];

async function baseline(): Promise<number> {
  let rows = 0;
  for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse())) rows++;
  return rows - 1;
}

async function load(): Promise<number> {
  const request = parseLoadRequest([file], { target: 'y' });
  const loaded = await loadData(request);
  const d = loaded.dataset;
  return d.train.size + d.validation.size + d.test.size;
}

const started = performance.now();
const rows = mode === 'baseline' ? await baseline() : await load();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
