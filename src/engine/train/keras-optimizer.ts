/**
 * The common part of klayers' optimizers: a tfjs Optimizer (so tfjs's fit drives it) whose
 * update rule is Keras 3's own `update_step`, written per class in keras-optimizers.ts. Keras
 * keeps its optimizer variables ("slots": momentums, velocities, accumulators) per model
 * variable and counts one iteration per applied batch; so does this class. Slots are found by
 * variable name, not by position, so a gradient map in any order updates the right ones.
 */
import * as tf from '../backend/tf.js';

type NamedTensor = { name: string; tensor: tf.Tensor };

/** One optimizer variable kind: Keras's name for it and the value it starts at. */
export interface SlotSpec {
  readonly name: string;
  readonly initial: number;
}

export abstract class KerasOptimizer extends tf.Optimizer {
  private readonly slotsByVariable = new Map<string, tf.Variable[]>();

  /** The slots every model variable gets, in a fixed order (what `update` receives). */
  protected abstract readonly slotSpecs: readonly SlotSpec[];

  /**
   * Keras's update_step for one variable, inside a tidy: read `gradient` and `slots`, assign the
   * slots and the variable. `step` is Keras's `iterations + 1` (1 on the first batch).
   */
  protected abstract update(variable: tf.Variable, gradient: tf.Tensor, slots: readonly tf.Variable[], step: number): void;

  /** Keras's get_config() keys, as filled in by src/train/optimizer-config.ts. */
  abstract override getConfig(): tf.serialization.ConfigDict;

  override applyGradients(gradients: tf.NamedTensorMap | NamedTensor[]): void {
    const list = Array.isArray(gradients) ? gradients : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    const step = this.iterations + 1;
    for (const { name, tensor } of list) {
      const variable = tf.engine().registeredVariables[name];
      if (!variable || tensor == null) continue;
      const slots = this.slotsFor(name, variable);
      tf.tidy(() => this.update(variable, tensor, slots, step));
    }
    this.incrementIterations();
  }

  private slotsFor(name: string, variable: tf.Variable): tf.Variable[] {
    let slots = this.slotsByVariable.get(name);
    if (!slots) {
      slots = this.slotSpecs.map((s) => tf.tidy(() => tf.fill(variable.shape, s.initial, 'float32').variable(false)));
      this.slotsByVariable.set(name, slots);
    }
    return slots;
  }

  /**
   * Keras's `len(optimizer.variables)` counted in values, once built (its first step, or state
   * loaded from a file): `iterations`, `learning_rate` and every slot of every trainable
   * variable; null before that (Keras's summary then has no ` Optimizer params:` line).
   */
  builtParams(trainableParams: number): number | null {
    if (this.iterations === 0 && this.slotsByVariable.size === 0) return null;
    return 2 + this.slotSpecs.length * trainableParams;
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const slots = [...this.slotsByVariable].flatMap(([name, vars]) => vars.map((tensor, i) => ({ name: `${name}/${this.slotSpecs[i]!.name}`, tensor })));
    return [await this.saveIterations(), ...slots];
  }

  /** Restores what getWeights gave, creating the slots of every variable that still exists. */
  override async setWeights(weights: NamedTensor[]): Promise<void> {
    for (const { name, tensor } of await this.extractIterations(weights)) {
      const at = name.lastIndexOf('/');
      const variable = tf.engine().registeredVariables[name.slice(0, at)];
      const index = this.slotSpecs.findIndex((s) => s.name === name.slice(at + 1));
      if (variable && index >= 0) this.slotsFor(name.slice(0, at), variable)[index]!.assign(tensor);
    }
  }

  override dispose(): void {
    super.dispose();
    for (const vars of this.slotsByVariable.values()) tf.dispose(vars);
    this.slotsByVariable.clear();
  }
}
