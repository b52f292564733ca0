/**
 * Milliseconds from process start to the first `klayers>` prompt on screen, for the built CLI
 * in a pseudo-terminal, against a bare `node -e ''` started the same way in the same run.
 * Also: when the status line first names the backend (tfjs loaded in the background).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 7;

interface Timing {
  readonly prompt: number;
  readonly backend: number | null;
}

/** Starts `args` in an 80×24 pty; resolves when `ready` sees the screen text (or the process ends). */
function timeRun(args: string[], ready: ((out: string) => boolean) | null): Promise<Timing> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), KLAYERS_HISTORY: join(mkdtempSync(join(tmpdir(), 'klayers-bench-')), 'history') };
  delete env['CI'];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const pty = spawn(process.execPath, args, { cols: 80, rows: 24, cwd: ROOT, env });
    let out = '';
    let prompt: number | null = null;
    const finish = (backend: number | null) => {
      resolve({ prompt: prompt ?? performance.now() - t0, backend });
      try {
        pty.kill();
      } catch {
        // already ended
      }
    };
    const giveUp = setTimeout(() => finish(null), 15_000);
    pty.onExit(() => {
      clearTimeout(giveUp);
      if (!ready) finish(null);
    });
    pty.onData((d) => {
      out += d;
      if (!ready) return;
      if (prompt === null && ready(out)) prompt = performance.now() - t0;
      if (prompt !== null && /backend (?!loading)\w+/.test(out)) {
        clearTimeout(giveUp);
        finish(performance.now() - t0);
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

export default async function startup(): Promise<void> {
  const baseline: number[] = [];
  const prompts: number[] = [];
  const backends: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    baseline.push((await timeRun(['-e', ''], null)).prompt);
    const run = await timeRun([`${ROOT}bin/klayers.js`, 'repl'], (out) => out.includes('klayers>'));
    prompts.push(run.prompt);
    if (run.backend !== null) backends.push(run.backend);
  }
  const base = median(baseline);
  process.stdout.write(`node -e '' (baseline)     median ${ms(base)}, min ${ms(Math.min(...baseline))}\n`);
  process.stdout.write(`first klayers> prompt     median ${ms(median(prompts))}, min ${ms(Math.min(...prompts))}  (${(median(prompts) / base).toFixed(1)}× baseline)\n`);
  if (backends.length) process.stdout.write(`backend named in status   median ${ms(median(backends))}, min ${ms(Math.min(...backends))}  (tfjs loads after the prompt)\n`);
}
