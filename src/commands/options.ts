import type { Value } from '../lang/ast.js';
import { didYouMean } from '../core/suggest.js';
import { UserError } from '../core/user-error.js';

/**
 * What a command takes, declared once: its usage line, the check of its keywords, Tab completion
 * and the options part of `help NAME` are all read from this table.
 */

/** What a word before the keywords takes (Tab offers it). */
export type ArgKind =
  /** A layer position or name, as `layers` shows them. */
  | { readonly kind: 'layer-ref' }
  /** A position from 1 to the layer count (plus `extra`: insert may go after the last layer). */
  | { readonly kind: 'position'; readonly extra: number }
  /** A layer call such as Dense(64). */
  | { readonly kind: 'layer' }
  /** A command or layer name (help). */
  | { readonly kind: 'help-topic' }
  | { readonly kind: 'path' }
  /** One of these words. */
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'free' };

interface Positional {
  /** As the usage line shows it: `N|NAME`, `LAYER`, `PATH.csv`. */
  readonly shown: string;
  readonly takes: ArgKind;
  /** Shown in brackets: `[FILE]`. */
  readonly optional?: boolean;
}

interface KeywordOption {
  readonly name: string;
  /** The value as the usage line shows it: `keras3|keras2`, `True`, `32`, `COLUMN`. */
  readonly shown: string;
  /** The values Tab offers after `name=` (none when the value is free-form). */
  readonly values: readonly string[];
  /** One line for `help NAME` and the completion list. */
  readonly doc: string;
  /** Taken, but left out of the usage line (load's header=, delimiter=). */
  readonly hidden?: boolean;
  /** Shown in one bracket with the keyword before it: `[window=20 horizon=1]`. */
  readonly joined?: boolean;
}

/** One way of writing the command; a usage line joins its forms with `  |  `. */
interface UsageForm {
  readonly positional: readonly Positional[];
  readonly keywords?: readonly KeywordOption[];
  /**
   * Keywords the table does not list: `layer` = the arguments of the layer the first word names
   * (`set N arg=value ...`), `any` = whatever names the user chooses (param, Input(...)).
   */
  readonly open?: 'layer' | 'any';
  /** Usage text after the positionals, as is: `arg=value ...`, `[NAME=VALUE …]`. */
  readonly rest?: string;
  /** The whole form as is, without the command word: `Input(shape=SHAPE, ...)`. */
  readonly text?: string;
}

export interface CommandOptions {
  /** The first form is the one Tab completes. */
  readonly forms: readonly UsageForm[];
}

// --- builders, so a table reads like the usage line it makes ---

export const layerRef = (): Positional => ({ shown: 'N|NAME', takes: { kind: 'layer-ref' } });
export const position = (shown = 'N', extra = 0): Positional => ({ shown, takes: { kind: 'position', extra } });
export const layerCall = (): Positional => ({ shown: 'LAYER', takes: { kind: 'layer' } });
export const pathArg = (shown: string, optional = false): Positional => ({ shown, takes: { kind: 'path' }, ...(optional ? { optional } : {}) });
export const wordArg = (words: readonly string[], optional = false): Positional => ({ shown: words.join('|'), takes: { kind: 'words', words }, ...(optional ? { optional } : {}) });
export const freeArg = (shown: string, optional = false): Positional => ({ shown, takes: { kind: 'free' }, ...(optional ? { optional } : {}) });

type Extra = Pick<KeywordOption, 'hidden' | 'joined'>;

/** `name=True`: True or False. */
export const flag = (name: string, doc: string, extra: Extra = {}): KeywordOption => ({ name, shown: 'True', values: ['True', 'False'], doc, ...extra });
/** `name=a|b|c`: one of these words. */
export const choice = (name: string, values: readonly string[], doc: string, extra: Extra = {}): KeywordOption => ({ name, shown: values.join('|'), values, doc, ...extra });
/** `name=SHOWN`: a number, a name, a list… checked by the command. */
export const value = (name: string, shown: string, doc: string, extra: Extra & { values?: readonly string[] } = {}): KeywordOption => ({ name, shown, values: [], doc, ...extra });

/** The one form of a command that takes only these words and keywords. */
export const simple = (positional: readonly Positional[] = [], keywords: readonly KeywordOption[] = []): CommandOptions => ({ forms: [{ positional, keywords }] });

// --- what the table gives ---

function formText(command: string, form: UsageForm): string {
  if (form.text !== undefined) return form.text;
  const parts = [command, ...form.positional.map((p) => (p.optional ? `[${p.shown}]` : p.shown))];
  if (form.rest !== undefined) parts.push(form.rest);
  const keywords = (form.keywords ?? []).filter((k) => !k.hidden);
  keywords.forEach((k, i) => {
    const text = `${k.name}=${k.shown}`;
    if (k.joined && i > 0) parts[parts.length - 1] = `${parts[parts.length - 1]!.slice(0, -1)} ${text}]`;
    else parts.push(`[${text}]`);
  });
  return parts.join(' ');
}

/** The usage line: `summary [style=keras3|keras2] [show_trainable=True] …`. */
export function usageText(command: string, options: CommandOptions): string {
  return options.forms.map((f) => formText(command, f)).join('  |  ');
}

/** Every keyword a command takes, in the order its forms list them (hidden ones too). */
function keywordsOf(options: CommandOptions): KeywordOption[] {
  const seen = new Map<string, KeywordOption>();
  for (const form of options.forms) for (const k of form.keywords ?? []) if (!seen.has(k.name)) seen.set(k.name, k);
  return [...seen.values()];
}

/** True when some form takes keywords the table does not list (set's layer arguments, param's names). */
function takesOpenKeywords(options: CommandOptions): boolean {
  return options.forms.some((f) => f.open !== undefined);
}

/**
 * Refuses a keyword the command does not take, with the closest one it does: the one wording for
 * every command (`fit takes no epoch=. Did you mean 'epochs'?`).
 */
function refuseUnknownKeywords(command: string, kwargs: Readonly<Record<string, Value>>, known: readonly string[], usage: string): void {
  for (const key of Object.keys(kwargs)) {
    if (known.includes(key)) continue;
    const hint = known.length > 0 ? `It takes: ${known.map((k) => `${k}=`).join(' ')}.` : `Usage: ${usage}`;
    throw new UserError(`${command} takes no ${key}=.${didYouMean(key, known)}`, hint);
  }
}

/** The keyword check every command gets before it runs (see execute.ts). */
export function checkCommandKeywords(command: string, options: CommandOptions, kwargs: Readonly<Record<string, Value>>): void {
  if (takesOpenKeywords(options)) return;
  refuseUnknownKeywords(command, kwargs, keywordsOf(options).map((k) => k.name), usageText(command, options));
}

/** The `Options:` part of `help NAME` (empty when the command takes none). */
export function optionsHelp(options: CommandOptions): string {
  const keywords = keywordsOf(options);
  if (keywords.length === 0) return '';
  const width = Math.max(...keywords.map((k) => k.name.length + 1));
  return ['Options:', ...keywords.map((k) => `  ${`${k.name}=`.padEnd(width)}  ${k.doc}`)].join('\n');
}
