import { COMMANDS } from '../commands/index.js';
import { byText } from './match.js';
import { layerCandidates, moduleCandidates } from './layer-names.js';
import type { Candidate, CompletionContext } from './types.js';

/** Lists of candidates for the words of a command line. */

/** Every command name and alias, alphabetical; an alias says what it stands for. */
function commandCandidates(): Candidate[] {
  return COMMANDS.flatMap((c) => [
    { text: c.name, kind: 'command' as const, detail: c.summary },
    ...(c.aliases ?? []).filter((a) => /^\w+$/.test(a)).map((a) => ({ text: a, kind: 'command' as const, detail: `Alias of ${c.name}: ${c.summary}` })),
  ]).sort(byText);
}

/** The Keras model methods klayers understands, written the Keras way. */
const MODEL_METHODS: readonly Candidate[] = [
  { text: 'model.add(', kind: 'command', detail: 'Add a layer to the end of the model.' },
  { text: 'model.pop()', kind: 'command', detail: 'Remove the last layer.' },
  { text: 'model.summary()', kind: 'command', detail: "Keras 3's model.summary() table." },
];

/** What a line may start with: commands, `model.add(`..., layer calls, `keras.layers.`. */
export function commandWordCandidates(): Candidate[] {
  return [...commandCandidates(), ...MODEL_METHODS, ...layerCandidates(), ...moduleCandidates()];
}

/** `help` explains a command or a layer. */
export function helpTopicCandidates(): Candidate[] {
  return [...COMMANDS.map((c): Candidate => ({ text: c.name, kind: 'command', detail: c.summary })).sort(byText), ...layerCandidates()];
}

/** Layer positions `1`..`n`, then layer names, each saying which layer it is. */
export function layerRefCandidates(ctx: CompletionContext): Candidate[] {
  const classOf = (i: number) => ctx.layerClasses?.[i];
  const count = Math.max(0, Math.min(ctx.layerCount, 10_000));
  const positions = Array.from({ length: count }, (_, i): Candidate => {
    const name = ctx.layerNames[i];
    const detail = name === undefined ? undefined : classOf(i) ? `${name} (${classOf(i)})` : name;
    return { text: String(i + 1), kind: 'layer-ref', detail };
  });
  const names = ctx.layerNames.map((name, i): Candidate => ({ text: name, kind: 'layer-ref', detail: classOf(i) }));
  return [...positions, ...names];
}

/** Positions `1`..`n + extra` (insert may also go after the last layer). */
export function positionCandidates(ctx: CompletionContext, extra: number): Candidate[] {
  const count = Math.max(0, Math.min(ctx.layerCount + extra, 10_000));
  return Array.from({ length: count }, (_, i): Candidate => ({ text: String(i + 1), kind: 'layer-ref', detail: ctx.layerNames[i] }));
}
