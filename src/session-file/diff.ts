/**
 * A unified diff of two line lists (what `diff -u` prints), from a longest common subsequence.
 * Lines are compared with a caller's predicate, so lines equal within tolerance are context.
 */

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string; readonly a: number; readonly b: number };

/** The edit script: LCS table filled from the end, then walked from the start. */
function editScript(a: readonly string[], b: readonly string[], same: (x: string, y: string) => boolean): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = same(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i]!, b[j]!)) ops.push({ kind: ' ', line: b[j]!, a: i++, b: j++ });
    // Removals before additions at each change, as diff -u prints them.
    else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', line: a[i]!, a: i++, b: j });
    else ops.push({ kind: '+', line: b[j]!, a: i, b: j++ });
  }
  return ops;
}

/** `@@ -3,4 +3,5 @@`: 1-based starts; an empty side starts at the line before (as diff -u). */
function hunkHeader(ops: readonly Op[], firstLine: number): string {
  const aLines = ops.filter((o) => o.kind !== '+').length;
  const bLines = ops.filter((o) => o.kind !== '-').length;
  const aStart = ops[0]!.a + (aLines > 0 ? firstLine : firstLine - 1);
  const bStart = ops[0]!.b + (bLines > 0 ? firstLine : firstLine - 1);
  return `@@ -${aStart},${aLines} +${bStart},${bLines} @@`;
}

/**
 * The unified diff from `a` to `b` with `context` lines around each change, headed by `---`/`+++`
 * labels; an empty string when the lists are the same under `same`. Hunk line numbers count
 * from `firstLine` (where the lines sit in their file).
 */
export function unifiedDiff(
  a: readonly string[],
  b: readonly string[],
  labels: { readonly from: string; readonly to: string },
  same: (x: string, y: string) => boolean = (x, y) => x === y,
  context = 3,
  firstLine = 1,
): string {
  const ops = editScript(a, b, same);
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  const out = [`--- ${labels.from}`, `+++ ${labels.to}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = changed[k]! + context;
    while (k + 1 < changed.length && changed[k + 1]! - context <= end + 1) end = changed[++k]! + context;
    k += 1;
    const hunk = ops.slice(start, Math.min(ops.length, end + 1));
    out.push(hunkHeader(hunk, firstLine), ...hunk.map((o) => o.kind + o.line));
  }
  return out.join('\n');
}
