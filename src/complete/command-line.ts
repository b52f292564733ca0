import { findCommand } from '../commands/index.js';
import { findLayerSpec } from '../layers/index.js';
import type { LayerSpec } from '../layers/types.js';
import { commandGrammar, type ArgSlot, type CommandGrammar } from './command-args.js';
import { commandWordCandidates, helpTopicCandidates, layerRefCandidates, positionCandidates } from './command-words.js';
import { completeLayerName } from './layer-names.js';
import { completion, matching, nothing } from './match.js';
import { completePath } from './paths.js';
import type { Scan } from './scan.js';
import { keywordOrder } from './signature.js';
import { isNameToken, isWordToken, tokenAt, type Token } from './token.js';
import type { Candidate, Completion, CompletionContext } from './types.js';
import { valueCandidates } from './values.js';
import { splitWords, type Word } from './words.js';

/**
 * Completion outside any bracket: the command word, then each argument by what the command's
 * options table says it takes (layer positions and names, layers, paths, options and their values).
 */

const KEY_VALUE = /^([A-Za-z_]\w*)\s*=\s*/;

/** The layer a `set N|NAME` reference points to, if the context knows its class. */
function referencedLayer(ref: string | undefined, ctx: CompletionContext): LayerSpec | undefined {
  if (ref === undefined) return undefined;
  const index = /^\d+$/.test(ref) ? Number(ref) - 1 : ctx.layerNames.indexOf(ref);
  const className = ctx.layerClasses?.[index];
  return className ? findLayerSpec(className) : undefined;
}

function slotCompletion(slot: ArgSlot, token: Token, cursor: number, ctx: CompletionContext): Completion {
  if (!isWordToken(token.text)) return nothing(cursor);
  const offer = (all: Candidate[]) => completion(token.start, cursor, matching(token.text, all));
  switch (slot.kind) {
    case 'layer-ref':
      return offer(layerRefCandidates(ctx));
    case 'position':
      return offer(positionCandidates(ctx, slot.extra));
    case 'layer':
      return completeLayerName(token.text, token.start, cursor) ?? nothing(cursor);
    case 'help-topic':
      return offer(helpTopicCandidates());
    case 'words':
      return offer(slot.words.map((text): Candidate => ({ text, kind: 'value' })));
    case 'free':
    case 'path':
      return nothing(cursor);
  }
}

/** After `key=`: the option's values, or the layer argument's values for `set`. */
function optionValue(key: string, grammar: CommandGrammar, layer: LayerSpec | undefined, token: Token, cursor: number): Completion {
  if (grammar.layerArgs) {
    const arg = layer?.args.find((a) => a.name === key);
    return arg ? completion(token.start, cursor, valueCandidates(arg, token.text, token.closed)) : nothing(cursor);
  }
  const values = grammar.options.get(key) ?? [];
  if (!isWordToken(token.text)) return nothing(cursor);
  return completion(token.start, cursor, matching(token.text, values.map((text): Candidate => ({ text, kind: 'value' }))));
}

function optionNames(grammar: CommandGrammar, layer: LayerSpec | undefined, given: ReadonlySet<string>): Candidate[] {
  const names = grammar.layerArgs ? (layer ? keywordOrder(layer) : []) : [...grammar.options.keys()];
  return names.filter((n) => !given.has(n)).map((n): Candidate => ({
    text: `${n}=`,
    kind: 'argument',
    detail: layer?.args.find((a) => a.name === n)?.doc,
  }));
}

function completeArgument(words: readonly Word[], current: number, token: Token, cursor: number, ctx: CompletionContext): Completion {
  const name = words[0]!.text;
  const cmd = findCommand(name);
  const grammar = commandGrammar(cmd, name);
  const typed = current < words.length ? words[current]!.text : '';
  const wordStart = current < words.length ? words[current]!.start : cursor;
  const layer = grammar.layerArgs ? referencedLayer(words[1]?.text, ctx) : undefined;
  const keyValue = KEY_VALUE.exec(typed);
  if (keyValue) {
    const valueStart = wordStart + keyValue[0].length;
    return token.start === valueStart ? optionValue(keyValue[1]!, grammar, layer, token, cursor) : nothing(cursor);
  }
  const previous = words.slice(1, current);
  const given = new Set(previous.flatMap((w) => KEY_VALUE.exec(w.text)?.[1] ?? []));
  const position = previous.filter((w) => !KEY_VALUE.test(w.text)).length;
  const slot = grammar.slots[position];
  // A path is the whole word, whatever characters it holds (`data/iris-v2.csv`).
  if (slot?.kind === 'path') return completePath(typed, wordStart, cursor, ctx, token.closed);
  if (token.start !== wordStart) return nothing(cursor);
  if (slot) return slotCompletion(slot, token, cursor, ctx);
  if (!isNameToken(token.text)) return nothing(cursor);
  return completion(token.start, cursor, matching(token.text, optionNames(grammar, layer, given)));
}

/** Completion when no bracket is open at the cursor. */
export function completeCommandLine(line: string, cursor: number, scan: Scan, ctx: CompletionContext): Completion {
  const token = tokenAt(line, cursor, scan);
  const words = splitWords(line.slice(0, cursor));
  const last = words[words.length - 1];
  const current = last && last.end === cursor ? words.length - 1 : words.length;
  if (current === 0) {
    const word = words[0]?.text ?? '';
    // `?Dense` asks for help on Dense.
    if (word.startsWith('?') && token.start === (words[0]?.start ?? 0) + 1 && isNameToken(token.text)) {
      return completion(token.start, cursor, matching(token.text, helpTopicCandidates()));
    }
    if (token.start !== (words[0]?.start ?? cursor) || !isNameToken(token.text)) return nothing(cursor);
    // `layers.De` completes after the module; anything else is a command, a layer or model.add(.
    const afterModule = token.text.includes('.') ? completeLayerName(token.text, token.start, cursor) : null;
    return afterModule ?? completion(token.start, cursor, matching(token.text, commandWordCandidates()));
  }
  return completeArgument(words, current, token, cursor, ctx);
}
