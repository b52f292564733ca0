import { UserError } from '../core/user-error.js';
import { analyzeModel, toModelPlan, type ModelAnalysis } from './analyze.js';
import { EditHistory, type ModelStore } from './history.js';
import { EMPTY_STATE, type ModelState } from './state.js';
import { formatValue } from '../lang/format-value.js';
import type { Value } from '../lang/ast.js';

/**
 * The mutable model session: the current state, its undo/redo history, and the shapes inferred
 * for it. An edit that throws leaves everything exactly as it was.
 */
export class ModelSession {
  private readonly history: ModelStore;
  private cachedFor: ModelState | null = null;
  private cached: ModelAnalysis | null = null;

  /** A model with its own undo history, or a view of a KlayersSession's history (`store`). */
  constructor(store?: ModelStore) {
    this.history = store ?? new EditHistory<ModelState>(EMPTY_STATE);
  }

  get state(): ModelState {
    return this.history.current;
  }

  /** Applies a pure edit; a UserError from it propagates and nothing changes. */
  edit(change: (state: ModelState) => ModelState): ModelState {
    const next = change(this.state);
    this.history.commit(next);
    return next;
  }

  undo(): boolean {
    return this.history.undo();
  }

  redo(): boolean {
    return this.history.redo();
  }

  /** `clear`: back to an empty model; undoable. */
  clear(): void {
    this.history.commit(EMPTY_STATE);
  }

  analysis(): ModelAnalysis {
    if (this.cachedFor !== this.state) {
      this.cached = analyzeModel(this.state);
      this.cachedFor = this.state;
    }
    return this.cached!;
  }

  plan() {
    return toModelPlan(this.state);
  }

  /** 0-based index of a layer from a 1-based position or a name, as `layers` lists them. */
  layerIndex(ref: unknown): number {
    const layers = this.state.layers;
    if (typeof ref === 'number') {
      if (Number.isInteger(ref) && ref >= 1 && ref <= layers.length) return ref - 1;
      const count = layers.length === 1 ? '1 layer' : `${layers.length} layers`;
      throw new UserError(`No layer ${ref}: the model has ${count} (positions 1..${layers.length}; see 'layers').`);
    }
    if (typeof ref === 'string') {
      const i = layers.findIndex((l) => l.name === ref);
      if (i >= 0) return i;
      const names = layers.map((l) => l.name).join(', ') || 'none yet';
      throw new UserError(`No layer named '${ref}'. Layers: ${names}.`);
    }
    throw new UserError(`Expected a layer position or name. Received: ${formatValue(ref as Value)}`);
  }
}
