/**
 * One measured pass over a CSV file, in its own process so its peak RSS is its own:
 * `node csv-child.js MODE FILE` prints {seconds, rows, maxRssMB} as JSON. Modes:
 *   csv-parse   a bare csv-parse stream pass (the issue's baseline)
 *   papaparse   a bare Papa Parse stream pass (the parser klayers reads with)
 *   load        klayers' load (parse, type, store, split, fit encoders; two threads when large)
 *   load-1      the same on one thread
 *   encode      load, then the float32 arrays fit trains on
 *   stream      load stream=True (two passes: check and tally, then the training statistics),
 *               then one epoch's pass: the training split encoded in shuffled batches of 32
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import Papa from 'papaparse';
import { isStream, SHUFFLE_BUFFER_ROWS } from '../src/core/training.js';
import { loadData } from '../src/data/load.js';
import { parseLoadRequest } from '../src/data/load-request.js';

const [mode, file] = process.argv.slice(2) as [string, string];

async function csvParse(): Promise<number> {
  let rows = 0;
  for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse())) rows++;
  return rows - 1;
}

function papaparse(): Promise<number> {
  let rows = 0;
  return new Promise((resolve) => {
    Papa.parse(createReadStream(file, { encoding: 'utf8' }), { skipEmptyLines: true, step: () => void rows++, complete: () => resolve(rows - 1) });
  });
}

async function load(encode: boolean, stream: boolean): Promise<number> {
  const loaded = await loadData(parseLoadRequest([file], { target: 'y', ...(stream ? { stream: true } : {}) }));
  const d = loaded.dataset;
  if (encode) for (const split of [d.train, d.validation, d.test]) if (!isStream(split)) void [split.x.length, split.y.length];
  if (stream && isStream(d.train)) {
    let rows = 0;
    for await (const batch of d.train.batches(32, { rows: SHUFFLE_BUFFER_ROWS, random: Math.random })) rows += batch.size;
    if (rows !== d.train.size) throw new Error(`the epoch pass gave ${rows} rows, expected ${d.train.size}`);
  }
  return d.train.size + d.validation.size + d.test.size;
}

if (mode === 'load-1') process.env['KLAYERS_PARALLEL_LOAD_BYTES'] = String(Number.MAX_SAFE_INTEGER);
const started = performance.now();
const rows = mode === 'csv-parse' ? await csvParse() : mode === 'papaparse' ? await papaparse() : await load(mode === 'encode', mode === 'stream');
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ seconds, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
