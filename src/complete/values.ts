import { ACTIVATIONS, KERAS_DTYPES, OBJECT_FAMILIES } from '../layers/index.js';
import type { ArgSpec } from '../layers/types.js';
import { byText, matching } from './match.js';
import type { Candidate } from './types.js';

/**
 * Values Tab can offer for one layer argument, where the set is known: activation names,
 * initializers/regularizers/constraints, choices, dtypes, True/False. Strings come quoted as a
 * Keras user writes them (`'relu'`); a typed `"re` keeps its double quote.
 */

/** The string values an argument takes, or [] when they are not a known set. */
function knownStrings(arg: ArgSpec): readonly string[] {
  if (arg.kind === 'activation') return ACTIVATIONS;
  if (arg.kind === 'choice') return arg.choices ?? [];
  if (arg.kind === 'dtype') return KERAS_DTYPES;
  const family = OBJECT_FAMILIES[arg.kind];
  return family ? family.objects.map((o) => o.aliases[0] ?? o.className) : [];
}

/** Class names usable as calls (`RandomNormal(`, `l1_l2(`), offered when a bare name is typed. */
function callForms(arg: ArgSpec): string[] {
  const family = OBJECT_FAMILIES[arg.kind];
  if (!family) return [];
  return family.objects.flatMap((o) => [o.className, ...(o.callOnlyAliases ?? [])]).map((n) => `${n}(`);
}

function acceptsNone(arg: ArgSpec): boolean {
  return arg.nullable === true || (!arg.required && arg.default === null) || arg.kind === 'activation';
}

/**
 * Candidates for `token`, the value typed so far (`'re`, `re`, or ''). `closed` says a closing
 * quote already follows the cursor, so a quoted candidate must not add another.
 */
export function valueCandidates(arg: ArgSpec, token: string, closed: boolean): Candidate[] {
  const detail = arg.doc;
  const quote = token.startsWith("'") || token.startsWith('"') ? token[0]! : '';
  const bare = quote ? token.slice(1) : token;
  const end = quote && closed ? '' : quote || "'";
  const strings = knownStrings(arg)
    .map((s): Candidate => ({ text: `${quote || "'"}${s}${end}`, display: `'${s}'`, kind: 'value', detail }))
    .sort(byText);
  // Quoted strings are matched by their bare name, the words as written.
  const key = (c: Candidate) => (c.display ? c.display.slice(1, -1) : c.text);
  if (quote) return matching(bare, strings, key);
  const words: Candidate[] = [];
  if (arg.kind === 'bool') words.push({ text: 'False', kind: 'value', detail }, { text: 'True', kind: 'value', detail });
  // Class calls and None only once something is typed: an empty Tab lists the plain names.
  if (bare !== '') {
    words.push(...callForms(arg).sort().map((text): Candidate => ({ text, kind: 'value', detail })));
    if (acceptsNone(arg)) words.push({ text: 'None', kind: 'value', detail });
  }
  return matching(bare, [...strings, ...words], key);
}
