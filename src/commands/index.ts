import { add } from './add.js';
import { backend } from './backend.js';
import { column } from './column.js';
import { compile } from './compile.js';
import { data } from './data.js';
import { evaluate } from './evaluate.js';
import { fit } from './fit.js';
import { help } from './help.js';
import { history } from './history.js';
import { input } from './input.js';
import { insert } from './insert.js';
import { inspect } from './inspect.js';
import { layers } from './layers.js';
import { load } from './load.js';
import { move } from './move.js';
import { param } from './param.js';
import { plot } from './plot.js';
import { predict } from './predict.js';
import { remove } from './remove.js';
import { rename } from './rename.js';
import { replace } from './replace.js';
import { save } from './save.js';
import { exportCommand } from './export.js';
import { seed } from './seed.js';
import { set } from './set.js';
import { split } from './split.js';
import { summary } from './summary.js';
import type { CommandDef } from './types.js';
import { clear, redo, undo } from './undo.js';

/** Every REPL command, in the order `help` lists them within each group. */
export const COMMANDS: readonly CommandDef[] = [input, add, insert, remove, replace, set, move, rename, undo, redo, clear, layers, summary, inspect, load, data, split, column, compile, fit, evaluate, predict, history, plot, save, exportCommand, seed, param, backend, help];

/** A command by name or alias (`rm` → remove). */
export function findCommand(name: string): CommandDef | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
