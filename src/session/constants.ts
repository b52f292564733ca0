/**
 * The module-level names of a pasted Keras script: constants (`num_classes = 10`), names whose
 * line klayers did not run (`x_train = ...load_data()`, kept so a later use can say why it has
 * no value), and the names the model was assigned to (`model`, `net`). Plain data; the session
 * snapshots it with the rest, so a refused line leaves it as it was and a replay rebuilds it.
 */
import type { Value } from '../lang/ast.js';

type Entry =
  | { readonly kind: 'value'; readonly value: Value }
  /** A name from a line klayers noted and went past; `why` says what that line needed; `layerClass` for `class Name(layers.Layer)`. */
  | { readonly kind: 'skipped'; readonly why: string; readonly layerClass?: true }
  | { readonly kind: 'model' };

export type ConstantSnapshot = ReadonlyMap<string, Entry>;

export class ConstantStore {
  private entries = new Map<string, Entry>();

  get(name: string): Entry | undefined {
    return this.entries.get(name);
  }

  setValue(name: string, value: Value): void {
    this.entries.set(name, { kind: 'value', value });
  }

  setSkipped(name: string, why: string, layerClass = false): void {
    this.entries.set(name, layerClass ? { kind: 'skipped', why, layerClass: true } : { kind: 'skipped', why });
  }

  /** `net = keras.Sequential(...)`: `net.add(...)` and `net.summary()` now mean the model. */
  setModel(name: string): void {
    this.entries.set(name, { kind: 'model' });
  }

  /** True for `model` and every name the model was assigned to. */
  isModel(name: string): boolean {
    const entry = this.entries.get(name);
    return entry === undefined ? name === 'model' : entry.kind === 'model';
  }

  snapshot(): ConstantSnapshot {
    return new Map(this.entries);
  }

  restore(snap: ConstantSnapshot): void {
    this.entries = new Map(snap);
  }
}
