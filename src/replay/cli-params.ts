import { parseLine, type Value } from '../lang/index.js';

/** `-p epochs=5` values, each a literal as a session line would write it. Throws a one-line reason. */
export function parseParamOptions(given: readonly string[]): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const text of given) {
    const parsed = parseLine(`param ${text}`);
    const line = parsed.ok ? parsed.line : null;
    const entries = line?.kind === 'command' && line.args.length === 0 ? Object.entries(line.kwargs) : [];
    if (entries.length !== 1) throw new Error(`-p takes NAME=VALUE with one literal value (-p epochs=5, -p activation="'tanh'"); got -p ${text}`);
    const [name, value] = entries[0]!;
    out.set(name, value);
  }
  return out;
}

/** Names the script's `param` lines declare, in order. */
export function declaredParams(commands: readonly string[]): string[] {
  const names: string[] = [];
  for (const command of commands) {
    const parsed = parseLine(command);
    if (!parsed.ok || parsed.line.kind !== 'command' || parsed.line.name !== 'param') continue;
    for (const name of Object.keys(parsed.line.kwargs)) if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Why the `-p` names do not fit the script, or null when each is declared by a `param` line. */
export function unknownParams(given: ReadonlyMap<string, Value>, declared: readonly string[]): string | null {
  const unknown = [...given.keys()].filter((n) => !declared.includes(n));
  if (unknown.length === 0) return null;
  const which = unknown.map((n) => `'${n}'`).join(', ');
  const known = declared.length > 0 ? `it declares: ${declared.join(', ')}` : 'it declares none (a session declares one with param NAME=VALUE)';
  return `unknown parameter${unknown.length === 1 ? '' : 's'} ${which} given with -p; ${known}`;
}
