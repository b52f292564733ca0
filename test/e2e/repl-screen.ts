/**
 * A tiny terminal screen for pty tests: enough of VT100 to follow what Ink draws (text, line
 * breaks, cursor moves, erase line/screen, scrolling), so tests read the screen a person sees
 * instead of a raw byte stream full of redraws.
 */
export class Screen {
  private rows: string[][];
  x = 0;
  y = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rows = Array.from({ length: height }, () => this.blank());
  }

  private blank(): string[] {
    return Array.from({ length: this.width }, () => ' ');
  }

  private newline(): void {
    if (this.y === this.height - 1) {
      this.rows.shift();
      this.rows.push(this.blank());
    } else {
      this.y += 1;
    }
  }

  private put(c: string): void {
    if (this.x >= this.width) {
      this.x = 0;
      this.newline();
    }
    this.rows[this.y]![this.x] = c;
    this.x += 1;
  }

  private csi(params: string, final: string): void {
    const nums = params.replace(/^\?/, '').split(';').map((p) => Number.parseInt(p, 10));
    const n = Number.isNaN(nums[0]!) ? 1 : nums[0]!;
    const clampY = (v: number) => Math.max(0, Math.min(this.height - 1, v));
    if (params.startsWith('?')) return; // private modes: cursor visibility, synchronized output
    if (final === 'A') this.y = clampY(this.y - n);
    else if (final === 'B') this.y = clampY(this.y + n);
    else if (final === 'C') this.x = Math.min(this.width - 1, this.x + n);
    else if (final === 'D') this.x = Math.max(0, this.x - n);
    else if (final === 'G') this.x = Math.max(0, n - 1);
    else if (final === 'H' || final === 'f') {
      this.y = clampY((Number.isNaN(nums[0]!) ? 1 : nums[0]!) - 1);
      this.x = Math.max(0, (Number.isNaN(nums[1] ?? NaN) ? 1 : nums[1]!) - 1);
    } else if (final === 'K') {
      const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
      const row = this.rows[this.y]!;
      for (let i = 0; i < this.width; i += 1) if (mode === 2 || (mode === 0 ? i >= this.x : i <= this.x)) row[i] = ' ';
    } else if (final === 'J') {
      const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
      if (mode === 2 || mode === 3) this.rows = this.rows.map(() => this.blank());
      else if (mode === 0) {
        this.csi('0', 'K');
        for (let r = this.y + 1; r < this.height; r += 1) this.rows[r] = this.blank();
      }
    }
  }

  /** Feeds terminal output. */
  write(data: string): void {
    const re = /\x1b\[([0-9;?]*)([@-~])|\x1b\][^\x07]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|([\s\S])/g;
    for (const m of data.matchAll(re)) {
      if (m[2] !== undefined) this.csi(m[1]!, m[2]);
      else if (m[3] !== undefined) {
        const c = m[3];
        if (c === '\r') this.x = 0;
        else if (c === '\n') this.newline();
        else if (c === '\b') this.x = Math.max(0, this.x - 1);
        else if (c >= ' ') this.put(c);
      }
    }
  }

  /** The screen as text, trailing spaces and empty bottom rows dropped. */
  text(): string {
    return this.rows.map((r) => r.join('').trimEnd()).join('\n').trimEnd();
  }
}
