import type { CommandDef } from '../commands/types.js';

/**
 * What each word after a command takes, read from the command's `usage` line, so a new command
 * gets completion without touching this folder: `remove N|NAME` takes a layer reference,
 * `backend [auto|tensorflow|wasm|cpu]` one of four words, `summary [style=keras3|keras2]` an option
 * with two values, `set N|NAME arg=value ...` a layer and then that layer's arguments.
 */

export type ArgSlot =
  | { readonly kind: 'layer-ref' }
  /** A position from 1 to the layer count (plus one when inserting). */
  | { readonly kind: 'position'; readonly extra: number }
  | { readonly kind: 'layer' }
  | { readonly kind: 'help-topic' }
  | { readonly kind: 'path' }
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'free' };

export interface CommandGrammar {
  readonly slots: readonly ArgSlot[];
  /** Options and their values (`style` → keras3, keras2); empty values when free-form. */
  readonly options: ReadonlyMap<string, readonly string[]>;
  /** `arg=value ...`: the options are the arguments of the layer named by the first word. */
  readonly layerArgs: boolean;
}

/** Commands whose first word is a file path, whatever their usage line says (or before they exist). */
const PATH_COMMANDS = new Set(['replay', 'load', 'save', 'export', 'run']);

const LOWER_WORDS = /^[a-z][\w-]*(\|[a-z][\w-]*)*$/;

function slotFor(word: string, command: string, index: number): ArgSlot {
  if (word === 'N|NAME' || word === 'NAME|N') return { kind: 'layer-ref' };
  if (word === 'N' || word === 'M') return { kind: 'position', extra: command === 'insert' && index === 0 ? 1 : 0 };
  if (word === 'LAYER') return { kind: 'layer' };
  if (word === 'COMMAND|LAYER' || word === 'LAYER|COMMAND') return { kind: 'help-topic' };
  if (/FILE|PATH|DIR/.test(word)) return { kind: 'path' };
  if (LOWER_WORDS.test(word)) return { kind: 'words', words: word.split('|') };
  return { kind: 'free' };
}

function optionValues(spec: string): string[] {
  if (spec === 'True' || spec === 'False') return ['True', 'False'];
  return LOWER_WORDS.test(spec) ? spec.split('|') : [];
}

/** The grammar of a command from its usage line (the part before a ` | ` alternative). */
export function commandGrammar(cmd: CommandDef | undefined, name: string): CommandGrammar {
  const slots: ArgSlot[] = [];
  const options = new Map<string, readonly string[]>();
  let layerArgs = false;
  const words = (cmd?.usage ?? '').split(/\s+/).slice(1);
  for (const raw of words) {
    if (raw === '|') break;
    const word = raw.replace(/^\[+|\]+$/g, '');
    const eq = word.indexOf('=');
    if (word === '...' || word === '') continue;
    if (eq < 0) slots.push(slotFor(word, cmd?.name ?? name, slots.length));
    else if (word.slice(0, eq) === 'arg') layerArgs = true;
    else options.set(word.slice(0, eq), optionValues(word.slice(eq + 1)));
  }
  if (PATH_COMMANDS.has(cmd?.name ?? name)) slots[0] = { kind: 'path' };
  return { slots, options, layerArgs };
}
