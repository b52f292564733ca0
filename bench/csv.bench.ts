/**
 * CSV loading speed and memory: a generated 1,000,000-row × 20-column file (15 numbers, 3
 * categories, 1 binary, a class target), read in child processes by a bare csv-parse pass (the
 * baseline), a bare Papa Parse pass (the parser klayers uses), klayers' load on two threads (as
 * `load` runs it for a file this size) and on one, and the load plus the float32 arrays `fit`
 * then encodes. Targets for the load: ≥ 50 MB/s end to end, peak RSS < 300 MB. Then the same
 * file streamed (stream=True: load, then one epoch's pass of shuffled batches), and a file twice
 * its size streamed the same way: a streamed file's memory must not grow with the file.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.env['KLAYERS_BENCH_CSV_ROWS'] ?? 1_000_000);
/** Runs of each parser and of the load (`KLAYERS_BENCH_CSV_ROUNDS`). */
const ROUNDS = Math.max(1, Number(process.env['KLAYERS_BENCH_CSV_ROUNDS'] ?? 3));

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  const colors = ['red', 'green', 'blue', 'yellow'];
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  let text = `${Array.from({ length: 15 }, (_, i) => `x${i}`).join(',')},color,city,size,flag,y\n`;
  for (let r = 0; r < ROWS; r++) {
    const cells: string[] = [];
    for (let i = 0; i < 15; i++) cells.push((random() * 100).toFixed(3));
    cells.push(colors[r % 4]!, `c${r % 5}`, ['S', 'M', 'L'][r % 3]!, r % 2 ? 'yes' : 'no', `class${r % 3}`);
    text += `${cells.join(',')}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      text = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(text, () => resolve()).on('error', reject));
}

/** `to`: `from`'s header once, then its rows twice. */
async function doubleFile(from: string, to: string): Promise<void> {
  const out = createWriteStream(to);
  for (let copy = 0; copy < 2; copy++) {
    let first = copy === 1;
    for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) {
      let text = chunk as Buffer;
      if (first) {
        text = text.subarray(text.indexOf(10) + 1); // the second copy leaves out the header line
        first = false;
      }
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
}

type Mode = 'csv-parse' | 'papaparse' | 'load' | 'load-1' | 'encode' | 'stream';

function measure(mode: Mode, path: string): { seconds: number; rows: number; maxRssMB: number } {
  const child = fileURLToPath(new URL('./csv-child.js', import.meta.url));
  const result = spawnSync(process.execPath, [child, mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

export default async function csvBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'klayers-bench-'));
  const path = join(dir, 'big.csv');
  try {
    await generate(path);
    const mb = statSync(path).size / 1e6;
    const rate = (s: number) => (mb / s).toFixed(1);
    const line = (name: string, m: ReturnType<typeof measure>) => `${name.padEnd(34)} ${m.seconds.toFixed(2).padStart(7)} s  ${rate(m.seconds).padStart(6)} MB/s  peak RSS ${m.maxRssMB.toFixed(0).padStart(4)} MB`;
    process.stdout.write(`file: ${ROWS.toLocaleString('en-US')} rows × 20 columns, ${mb.toFixed(1)} MB\n`);
    // This VM's speed drifts by tens of per cent from run to run: the parsers and the load run in
    // turn, ROUNDS times, and each is reported by its best run and its median.
    const modes = ['csv-parse', 'papaparse', 'load'] as const;
    const runs = new Map<Mode, ReturnType<typeof measure>[]>(modes.map((m) => [m, []]));
    for (let round = 0; round < ROUNDS; round++) for (const m of modes) runs.get(m)!.push(measure(m, path));
    const best = (m: Mode) => runs.get(m)!.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const median = (m: Mode) => [...runs.get(m)!].sort((a, b) => a.seconds - b.seconds)[Math.floor(ROUNDS / 2)]!;
    const names: Record<(typeof modes)[number], string> = { 'csv-parse': 'csv-parse stream (baseline)', papaparse: 'Papa Parse stream (bare)', load: 'klayers load (two threads)' };
    for (const m of modes) process.stdout.write(`${line(`${names[m]}, best`, best(m))}\n${line(`${names[m]}, median`, median(m))}\n`);
    process.stdout.write(`${line('klayers load (one thread)', measure('load-1', path))}\n`);
    process.stdout.write(`${line('klayers load + arrays for fit', measure('encode', path))}\n`);
    const load = median('load');
    process.stdout.write(`ratio: klayers load runs at ${(median('csv-parse').seconds / load.seconds).toFixed(2)}× the bare csv-parse speed (medians of ${ROUNDS} runs)\n`);
    const target = (m: ReturnType<typeof measure>) => `${rate(m.seconds)} MB/s ${Number(rate(m.seconds)) >= 50 ? 'met' : 'missed'}`;
    const rss = Math.max(...runs.get('load')!.map((m) => m.maxRssMB));
    process.stdout.write(`targets: ≥ 50 MB/s end to end (best ${target(best('load'))}, median ${target(load)}), peak RSS < 300 MB (${rss.toFixed(0)} MB ${rss < 300 ? 'met' : 'missed'})\n`);
    if (load.rows !== ROWS) process.stdout.write(`warning: klayers read ${load.rows} rows, expected ${ROWS}\n`);
    const streamed = measure('stream', path);
    process.stdout.write(`${line('stream=True: load + 1 epoch pass', streamed)}\n`);
    const doubled = join(dir, 'double.csv');
    await doubleFile(path, doubled);
    const bigger = measure('stream', doubled);
    process.stdout.write(`${line('same, file twice as large', bigger).replace(/\s+[\d.]+ MB\/s/, '  (MB/s of the first file)')}\n`);
    process.stdout.write(`streamed: peak RSS ${streamed.maxRssMB.toFixed(0)} MB for ${mb.toFixed(0)} MB, ${bigger.maxRssMB.toFixed(0)} MB for ${(2 * mb).toFixed(0)} MB (bounded by the batch and the statistics, not the file)\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
