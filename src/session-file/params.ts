/**
 * Session parameters, as papermill gives notebooks: `param epochs=20` declares a default,
 * `klayers replay FILE -p epochs=5` overrides it, and a later line says `$epochs` where the
 * value goes. The value is a parsed literal printed back as one (`5`, `'relu'`, `(8, 8, 1)`), so
 * substitution can only ever put a value where `$epochs` stood: nothing is evaluated.
 */
import { formatValue, type Value } from '../lang/index.js';
import { UserError } from '../core/user-error.js';

const REFERENCE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;

export class ParamStore {
  private readonly defaults = new Map<string, Value>();
  private readonly overrides = new Map<string, Value>();

  /** Values given on the command line (`-p name=value`); they win over the session's defaults. */
  setOverrides(values: ReadonlyMap<string, Value>): void {
    for (const [k, v] of values) this.overrides.set(k, v);
  }

  /** `param name=value`: declares (or re-declares) a default; returns the value in effect. */
  declare(name: string, value: Value): { value: Value; overridden: boolean } {
    this.defaults.set(name, value);
    const given = this.overrides.get(name);
    return given === undefined ? { value, overridden: false } : { value: given, overridden: true };
  }

  /** Declared names, in order of declaration. */
  names(): string[] {
    return [...this.defaults.keys()];
  }

  value(name: string): Value | undefined {
    if (!this.defaults.has(name)) return undefined;
    return this.overrides.has(name) ? this.overrides.get(name) : this.defaults.get(name);
  }

  /**
   * The line with each `$name` outside quotes and comments replaced by the value's literal.
   * Throws UserError naming an undeclared parameter.
   */
  expand(line: string): string {
    if (!line.includes('$')) return line;
    let out = '';
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        out += c;
        if (c === '\\') out += line[++i] ?? '';
        else if (c === quote) quote = null;
        continue;
      }
      if (c === '#') return out + line.slice(i);
      if (c === "'" || c === '"') quote = c;
      REFERENCE.lastIndex = i;
      const ref = c === '$' ? REFERENCE.exec(line) : null;
      if (!ref) {
        out += c;
        continue;
      }
      out += formatValue(this.lookup(ref[1]!));
      i += ref[0].length - 1;
    }
    return out;
  }

  private lookup(name: string): Value {
    const value = this.value(name);
    if (value !== undefined) return value;
    const known = this.names();
    const hint = known.length > 0 ? `Declared so far: ${known.map((n) => `$${n}`).join(', ')}.` : `Declare it first: param ${name}=VALUE.`;
    throw new UserError(`Unknown parameter $${name}.`, hint);
  }
}
