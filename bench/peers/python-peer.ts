/**
 * A Python peer: bench/peers.py run as a child (interpreter and arguments as an array, no shell)
 * that stays up for the whole bench, so TensorFlow, JAX or PyTorch is imported once; each
 * measurement is one JSON line out and one back.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Cell, Peer } from './models.js';

/** bench/peers.py, from dist/bench/peers/ where this file runs compiled. */
const SCRIPT = fileURLToPath(new URL('../../../bench/peers.py', import.meta.url));

/** The Python peers: Keras 3 on each of its backends, and plain PyTorch. */
export const PYTHON_PEERS = [
  { name: 'keras-tf', kind: 'keras', env: { KERAS_BACKEND: 'tensorflow' } },
  { name: 'keras-jax', kind: 'keras', env: { KERAS_BACKEND: 'jax' } },
  { name: 'torch', kind: 'torch', env: {} },
] as const;

/** Starts one peer with `python`; resolves to the peer and its version, or why it did not start. */
export function startPythonPeer(python: string, peer: (typeof PYTHON_PEERS)[number], timeoutMs = 120_000): Promise<{ peer: Peer; version: string } | string> {
  const child: ChildProcessWithoutNullStreams = spawn(python, [SCRIPT, peer.kind], {
    env: { ...process.env, ...peer.env, TF_CPP_MIN_LOG_LEVEL: '3', PYTHONUNBUFFERED: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string | null) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  child.on('close', () => {
    for (const w of waiting.splice(0)) w(null);
  });
  child.on('error', () => {
    for (const w of waiting.splice(0)) w(null);
  });
  const nextLine = (ms: number) =>
    new Promise<string | null>((resolve) => {
      const answer = (line: string | null) => {
        clearTimeout(timer);
        resolve(line);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(answer), 1); // a late line must not answer the next request
        resolve(null);
      }, ms);
      waiting.push(answer);
    });
  const lastError = () => stderr.trim().split('\n').at(-1) ?? 'no output';

  return nextLine(timeoutMs).then((ready) => {
    const parsed = ready ? (JSON.parse(ready) as { ready?: string }) : {};
    if (!parsed.ready) {
      child.kill();
      return `${peer.name}: did not start (${lastError()})`;
    }
    const measured: Peer = {
      name: peer.name,
      async measure(cell: Cell, minSeconds: number) {
        child.stdin.write(`${JSON.stringify({ model: cell.model.key, batch: cell.batch, mode: cell.mode, rows: cell.model.rows, min_seconds: minSeconds })}\n`);
        const line = await nextLine(600_000);
        if (line === null) throw new Error(`${peer.name} stopped: ${lastError()}`);
        const answer = JSON.parse(line) as { rate?: number; error?: string };
        if (answer.rate === undefined) throw new Error(`${peer.name}: ${answer.error ?? line}`);
        return answer.rate;
      },
      close() {
        child.stdin.end();
      },
    };
    return { peer: measured, version: parsed.ready };
  });
}
