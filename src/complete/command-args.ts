import type { ArgKind } from '../commands/options.js';
import type { CommandDef } from '../commands/types.js';

/**
 * What each word after a command takes, read from the command's options table (its first form),
 * so a new command gets completion without touching this folder: `remove N|NAME` takes a layer
 * reference, `backend [auto|tensorflow|wasm|cpu]` one of four words, `summary [style=keras3|keras2]`
 * an option with two values, `set N|NAME arg=value ...` a layer and then that layer's arguments.
 */

export type ArgSlot = ArgKind;

export interface CommandGrammar {
  readonly slots: readonly ArgSlot[];
  /** Options and their values (`style` → keras3, keras2); empty values when free-form. */
  readonly options: ReadonlyMap<string, readonly string[]>;
  /** `arg=value ...`: the options are the arguments of the layer named by the first word. */
  readonly layerArgs: boolean;
}

/** Words that are not commands but take a file path first (the CLI's `replay FILE`, `run FILE`). */
const PATH_WORDS = new Set(['replay', 'run']);

/** The grammar of a command from its options table. */
export function commandGrammar(cmd: CommandDef | undefined, name: string): CommandGrammar {
  if (!cmd) return { slots: PATH_WORDS.has(name) ? [{ kind: 'path' }] : [], options: new Map(), layerArgs: false };
  const form = cmd.options.forms[0];
  const keywords = (form?.keywords ?? []).filter((k) => !k.hidden);
  return {
    slots: (form?.positional ?? []).map((p) => p.takes),
    options: new Map(keywords.map((k) => [k.name, k.values])),
    layerArgs: form?.open === 'layer',
  };
}
