import type { Value } from '../lang/ast.js';
import type { Block } from '../render/blocks.js';
import type { KlayersSession } from '../session/klayers-session.js';
import type { TrainingHooks } from '../core/training.js';
import { usageText, type CommandOptions } from './options.js';

/**
 * What every command can reach: the session (model, data, training, engine, transcript, params)
 * and how this line is being run (the output width, live-training hooks, progress, cancel).
 */
export interface CommandContext {
  readonly session: KlayersSession;
  /** Terminal columns the output will be shown in (summary tables shrink to it). */
  readonly columns: number;
  /** Live training events and the stop/pause control (the REPL's live view); absent in replay. */
  readonly training?: TrainingHooks;
  /** A progress line for slow work (a large CSV loading); replay leaves it out. */
  readonly progress?: (text: string) => void;
  /** Aborted when the user cancels the running command (Ctrl-C in the REPL); a load stops early. */
  readonly signal?: AbortSignal;
  /** Where relative paths in commands resolve: a replayed session file's directory; else the cwd. */
  readonly baseDir?: string;
  /** Replaying someone's file: the directories its commands may read and write (absent: anywhere). */
  readonly allowedRoots?: readonly string[];
}

/** Arguments after the command word: `insert 2 Dense(8)` → args [2, Dense(8)]. */
export interface CommandInput {
  readonly args: readonly Value[];
  readonly kwargs: Readonly<Record<string, Value>>;
}

type CommandGroup = 'Build the model' | 'Edit the model' | 'Look at the model' | 'Data' | 'Train the model' | 'Engine' | 'Help';

/** A command as its file declares it (see defineCommand). */
interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly group: CommandGroup;
  /** One line for `help`. */
  readonly summary: string;
  /** What it takes: words, then keywords (the usage line, the keyword check, Tab and help read it). */
  readonly options: CommandOptions;
  readonly examples: readonly string[];
  /** More for `help NAME` after the examples (what the builtin data sets are, …). */
  details?(): string;
  /** Runs after the keywords were checked against `options`. */
  run(this: CommandDef, ctx: CommandContext, input: CommandInput): Promise<readonly Block[]> | readonly Block[];
}

/** One REPL command. Adding a command = one file exporting defineCommand({...}) + one line in index.ts. */
export interface CommandDef extends CommandSpec {
  /** `insert N LAYER`, made from `options`. */
  readonly usage: string;
}

/** A command with its usage line made from its options table. */
export function defineCommand(spec: CommandSpec): CommandDef {
  return { ...spec, usage: usageText(spec.name, spec.options) };
}
