import { readFile } from 'node:fs/promises';
import type { KlayersSession } from '../session/klayers-session.js';
import { message, warning, type Block } from '../render/blocks.js';
import { parseSessionFile } from '../session-file/read.js';
import { formatCompile } from '../train/compile-config.js';
import { checkpointDirFor } from './paths.js';
import { readCheckpoint, type CheckpointInfo } from './checkpoint.js';
import type { Checkpointer } from './checkpointer.js';
import { installCheckpoint } from './restore-weights.js';

/** Commands a resume does not run again: training (the checkpoint has its weights) and writes. */
const NOT_REPLAYED = /^\s*(?:model\.)?(fit|save|export)\b/;

interface Restored {
  replayed: number;
  skipped: string[];
  failed: string[];
  weights: string;
}

async function restoreWeights(session: KlayersSession, checkpoint: { info: CheckpointInfo; arrays: Float32Array[] }, checkpointer: Checkpointer | null): Promise<string> {
  const { info, arrays } = checkpoint;
  const why = await installCheckpoint(session, info, arrays);
  if (why) return `not restored: ${why}; the model starts from fresh weights`;
  // This session's own checkpoint starts as the restored one, so a second crash loses nothing.
  checkpointer?.queue({ info: { ...info, cell: session.transcript.cells.length }, arrays });
  return `the checkpoint after epoch ${info.fitEpoch}/${info.fitEpochs} of the last fit (${info.savedAt}); the optimizer starts fresh`;
}

/** The lines that say what a resume brought back. */
function report(session: KlayersSession, from: string, r: Restored): Block[] {
  const state = session.model.state;
  const params = session.model.analysis();
  const lines = [`Resumed the session journaled in ${from}:`, `  commands replayed: ${r.replayed}${r.skipped.length ? `; not rerun: ${r.skipped.join(', ')}` : ''}`];
  const names = state.layers.map((l) => l.name).join(', ');
  lines.push(`  model '${state.modelName}': ${state.layers.length} layer${state.layers.length === 1 ? '' : 's'}${names ? ` (${names})` : ''}, ${(params.trainableParams + params.nonTrainableParams).toLocaleString('en-US')} params`);
  const compile = session.training.compile;
  lines.push(`  compile: ${compile ? formatCompile(compile) : 'not compiled'}`);
  const loaded = session.data;
  lines.push(`  data: ${loaded ? `${loaded.request.spec} (${loaded.dataset.table.rowCount} rows)` : 'none loaded'}`);
  lines.push(`  weights: ${r.weights}`);
  return [message(lines.join('\n')), ...r.failed.map((f) => warning(`Not restored: ${f}`))];
}

/** Runs one line in the session being resumed, as typed (the command runner's executeLine). */
export type RunLine = (line: string) => Promise<{ readonly ok: boolean }>;

/**
 * `--resume`: replays a journal's commands (except fits and writes) into `session` through
 * `run`, puts the last checkpointed weights in at the point the fit that wrote them ran, and
 * says what came back.
 */
export async function resumeFromJournal(session: KlayersSession, run: RunLine, journalPath: string, checkpointer: Checkpointer | null): Promise<Block[]> {
  const file = parseSessionFile(await readFile(journalPath, 'utf8'));
  let checkpoint: { info: CheckpointInfo; arrays: Float32Array[] } | null = null;
  let weights = 'none checkpointed (no epoch finished); the model starts from fresh weights';
  try {
    checkpoint = await readCheckpoint(checkpointDirFor(journalPath));
  } catch (err) {
    weights = `not restored: the checkpoint is damaged (${(err as Error).message})`;
  }
  const r: Restored = { replayed: 0, skipped: [], failed: [], weights };
  const at = checkpoint ? Math.min(checkpoint.info.cell, file.cells.length) : -1;
  for (let i = 0; i <= file.cells.length; i++) {
    if (i === at) r.weights = await restoreWeights(session, checkpoint!, checkpointer);
    const cell = file.cells[i];
    if (!cell) break;
    if (NOT_REPLAYED.test(cell.command)) {
      r.skipped.push(cell.command.split('\n')[0]!);
      continue;
    }
    const result = await run(cell.command);
    if (result.ok) r.replayed += 1;
    else r.failed.push(`line ${cell.lineNo}: ${cell.command.split('\n')[0]}`);
  }
  return report(session, journalPath, r);
}
