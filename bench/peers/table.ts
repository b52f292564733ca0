/**
 * The peer bench's two tables: samples/s per peer (median over the rounds, ± half the range),
 * and klayers ÷ each outside peer (the ratio per round, as the two ran next to each other; its
 * median and range). klayers' side of a ratio is the backend `backend auto` picked for the model
 * and batch (./auto-pick.ts), or, when it picked one the bench did not run, the fastest measured
 * (marked "best").
 */
import { formatRate, formatRatio, median, spread } from './stats.js';
import type { Cell } from './models.js';
import { pickKey, type AutoPicks } from './auto-pick.js';

/** Rates per cell id, per peer name, one per round. */
export type Results = Map<string, Map<string, number[]>>;

export const cellId = (cell: Cell) => `${cell.model.name}|${cell.batch}|${cell.mode}`;

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
}

/** The two tables as text lines. */
export function peerTables(cells: readonly Cell[], results: Results, klayers: readonly string[], outside: readonly string[], picks: AutoPicks): string[] {
  const lead = ['model', 'batch', 'mode'];
  const leadOf = (c: Cell) => [c.model.name, String(c.batch), c.mode];
  const rates = [lead.concat(klayers, outside)];
  const ratios = [lead.concat(['klayers auto'], outside.map((p) => `÷ ${p}`))];
  for (const cell of cells) {
    const byPeer = results.get(cellId(cell)) ?? new Map<string, number[]>();
    const finite = (name: string) => (byPeer.get(name) ?? []).filter(Number.isFinite);
    const shown = (name: string) => {
      const values = finite(name);
      return values.length === 0 ? '—' : `${formatRate(median(values))} ±${Math.round(spread(values) * 100)}%`;
    };
    rates.push(leadOf(cell).concat(klayers.map(shown), outside.map(shown)));
    const picked = picks.get(pickKey(cell.model, cell.batch))?.name;
    const auto = picked && finite(`klayers-${picked}`).length > 0 ? `klayers-${picked}` : undefined;
    const best = auto ?? klayers.filter((n) => finite(n).length > 0).sort((a, b) => median(finite(b)) - median(finite(a)))[0];
    const label = best ? best.replace('klayers-', '') + (auto ? '' : ' (best)') : '—';
    const mine = best ? (byPeer.get(best) ?? []) : [];
    // Round by round: each pair of numbers was measured minutes apart at most, under the same load.
    const perRound = (name: string) => {
      const theirs = byPeer.get(name) ?? [];
      return mine.flatMap((v, i) => (Number.isFinite(v) && Number.isFinite(theirs[i]) ? [v / theirs[i]!] : []));
    };
    ratios.push(leadOf(cell).concat([label], outside.map((p) => formatRatio(perRound(p)))));
  }
  const format = (table: string[][]) => {
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    return table.map((r) => row(r, widths));
  };
  return [...format(rates), '', ...format(ratios)];
}
