/**
 * One Python peer (Keras on one backend, or PyTorch) kept alive as a child process running
 * bench/peers.py, driven over stdin/stdout JSON lines so rounds can interleave with klayers'.
 * The interpreter is named by KLAYERS_PEER_PYTHON and run with an argument array (no shell).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** bench/peers.py in the repository (this file runs from dist/bench/). */
const SCRIPT = fileURLToPath(new URL('../../bench/peers.py', import.meta.url));

export interface PeerRequest {
  readonly model: string;
  readonly batch: number;
  readonly mode: 'train' | 'predict';
  readonly rows: number;
  readonly min_seconds: number;
}

export class PythonPeer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  private stderr = '';

  /** `kind` is 'keras' (with `kerasBackend`) or 'torch'. */
  constructor(python: string, kind: 'keras' | 'torch', kerasBackend?: string) {
    const env = { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3', ...(kerasBackend ? { KERAS_BACKEND: kerasBackend } : {}) };
    this.child = spawn(python, [SCRIPT, kind], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-2000)));
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  private async next(): Promise<Record<string, unknown>> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error(`peer exited: ${this.stderr.trim().split('\n').at(-1) ?? ''}`);
    return JSON.parse(value) as Record<string, unknown>;
  }

  /** Waits for the peer's `ready` line; resolves to its version text. */
  async ready(): Promise<string> {
    const line = await this.next();
    return String(line['ready']);
  }

  /** Samples/s of one measurement, or an error text. */
  async measure(request: PeerRequest): Promise<number | string> {
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
    const line = await this.next();
    return typeof line['rate'] === 'number' ? line['rate'] : String(line['error']);
  }

  close(): void {
    this.child.stdin.end();
  }
}
