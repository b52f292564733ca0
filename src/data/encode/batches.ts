import type { Batch, ShuffleBuffer } from '../../core/training.js';

/**
 * Batches of encoded rows for a split that is read from its file on every pass instead of being
 * held in memory, and the buffer that shuffles them (tf.data's `shuffle(buffer_size)`).
 */
/**
 * Regroups rows that arrive in chunks of any size into batches of `batchSize`. With a shuffle
 * buffer each arriving row takes the place of a random buffered row, which goes out instead (the
 * first `rows` rows only fill the buffer); `flush` empties the buffer in random order.
 */
export class Rebatcher {
  private readonly bx: Float32Array;
  private readonly by: Float32Array;
  private filled = 0;
  private readonly pool: { x: Float32Array; y: Float32Array; rows: number } | null;
  private pooled = 0;

  constructor(
    private readonly xw: number,
    private readonly yw: number,
    private readonly batchSize: number,
    private readonly shuffle: ShuffleBuffer | null,
  ) {
    this.bx = new Float32Array(batchSize * xw);
    this.by = new Float32Array(batchSize * yw);
    this.pool = shuffle ? { x: new Float32Array(shuffle.rows * xw), y: new Float32Array(shuffle.rows * yw), rows: shuffle.rows } : null;
  }

  /** Takes `n` rows; yields every batch they complete. */
  *push(x: Float32Array, y: Float32Array, n: number): Generator<Batch> {
    const { xw, yw, pool } = this;
    for (let i = 0; i < n; i++) {
      if (!pool) {
        yield* this.emit(x, y, i);
        continue;
      }
      if (this.pooled < pool.rows) {
        copyRow(x, i, pool.x, this.pooled, xw);
        copyRow(y, i, pool.y, this.pooled, yw);
        this.pooled++;
        continue;
      }
      const j = Math.floor(this.shuffle!.random() * pool.rows);
      yield* this.emit(pool.x, pool.y, j);
      copyRow(x, i, pool.x, j, xw);
      copyRow(y, i, pool.y, j, yw);
    }
  }

  /** The rows still held, then the last (short) batch. */
  *flush(): Generator<Batch> {
    const pool = this.pool;
    if (pool) {
      // Out in random order: swap a random remaining row to the end, emit it, shrink.
      for (let left = this.pooled; left > 0; left--) {
        const j = Math.floor(this.shuffle!.random() * left);
        yield* this.emit(pool.x, pool.y, j);
        copyRow(pool.x, left - 1, pool.x, j, this.xw);
        copyRow(pool.y, left - 1, pool.y, j, this.yw);
      }
      this.pooled = 0;
    }
    if (this.filled > 0) yield this.take();
  }

  private *emit(x: Float32Array, y: Float32Array, row: number): Generator<Batch> {
    copyRow(x, row, this.bx, this.filled, this.xw);
    copyRow(y, row, this.by, this.filled, this.yw);
    if (++this.filled === this.batchSize) yield this.take();
  }

  private take(): Batch {
    const n = this.filled;
    this.filled = 0;
    return { x: this.bx.slice(0, n * this.xw), y: this.by.slice(0, n * this.yw), size: n };
  }
}

/** Row `from` of `src` into row `to` of `dst` (rows of `width` values): a loop for narrow rows, a block copy for wide ones. */
function copyRow(src: Float32Array, from: number, dst: Float32Array, to: number, width: number): void {
  if (width > 64) return dst.set(src.subarray(from * width, (from + 1) * width), to * width);
  for (let k = 0, a = from * width, b = to * width; k < width; k++) dst[b + k] = src[a + k]!;
}
