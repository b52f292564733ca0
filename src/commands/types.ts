import type { Value } from '../lang/ast.js';
import type { Block } from '../render/blocks.js';
import type { ModelPlan } from '../layers/types.js';
import type { ModelSession } from '../model/session.js';
import type { DataSession } from '../data/data-session.js';
import type { TrainingHooks } from '../core/training.js';
import type { Transcript } from '../session-file/transcript.js';
import type { ParamStore } from '../session-file/params.js';
import { usageText, type CommandOptions } from './options.js';

/** Statistics of one weight variable (the engine's type; a type-only import loads no tfjs). */
export type { WeightStats as WeightStat } from '../engine/build/weight-stats.js';
import type { WeightStats as WeightStat } from '../engine/build/weight-stats.js';

/** The engine as commands see it: the only door to tfjs, opened lazily. */
export interface EngineAccess {
  /**
   * Weights of one layer: the session's trained model when it has one for this plan, else a model
   * built on demand with fresh initial weights; empty when the layer has none.
   */
  weightStats(session: object, plan: ModelPlan, layerName: string): Promise<readonly WeightStat[]>;
  /** Why the engine could not build this model (argument tfjs cannot honour); empty when it can. */
  unsupported(plan: ModelPlan): Promise<readonly { readonly message: string; readonly hint?: string }[]>;
  /** `tfjs cpu backend: tfjs-node is not installed …` */
  describeBackend(): Promise<string>;
  selectBackend(choice: string): Promise<string>;
  /** fit/evaluate/predict on each session's stored model (loads the engine); optional for stub engines in tests. */
  training?(): Promise<import('../engine/train/api.js').TrainingApi>;
}

/** What every command can reach: the model session and the output width. */
export interface CommandContext {
  readonly session: ModelSession;
  /** Terminal columns the output will be shown in (summary tables shrink to it). */
  readonly columns: number;
  readonly engine: EngineAccess;
  /**
   * The loaded data set (`load`, `data`, `split`, `column`); empty until a load succeeds.
   * createContext always sets it (optional only so hand-made contexts in older tests compile).
   */
  readonly data?: DataSession;
  /** Live training events and the stop/pause control (the REPL's live view); absent in replay. */
  readonly training?: TrainingHooks;
  /** A progress line for slow work (a large CSV loading); replay leaves it out. */
  readonly progress?: (text: string) => void;
  /** Aborted when the user cancels the running command (Ctrl-C in the REPL); a load stops early. */
  readonly signal?: AbortSignal;
  /** Accepted commands and their outputs, appended by executeLine (save session, the journal). */
  readonly transcript?: Transcript;
  /** `param name=value` defaults and `-p` overrides, read by `$name` in later lines. */
  readonly params?: ParamStore;
  /** Where relative paths in commands resolve: a replayed session file's directory; else the cwd. */
  readonly baseDir?: string;
}

/** Arguments after the command word: `insert 2 Dense(8)` → args [2, Dense(8)]. */
export interface CommandInput {
  readonly args: readonly Value[];
  readonly kwargs: Readonly<Record<string, Value>>;
}

export type CommandGroup = 'Build the model' | 'Edit the model' | 'Look at the model' | 'Data' | 'Train the model' | 'Engine' | 'Help';

/** A command as its file declares it (see defineCommand). */
export interface CommandSpec {
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
