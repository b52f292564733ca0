/**
 * Keras 3's four optimizers with Keras's update rules (keras/src/optimizers/{adam,rmsprop,
 * adagrad,sgd}.py), where tfjs's differ:
 * - Adam: Keras folds both bias corrections into the step size and adds epsilon to sqrt(v)
 *   (`alpha = lr·sqrt(1-β2^t)/(1-β1^t)`, `w -= alpha·m/(sqrt(v)+ε)`); tfjs adds epsilon to the
 *   bias-corrected sqrt(v̂), and has no AMSGrad.
 * - RMSprop centered: Keras takes sqrt(v - ḡ² + ε); tfjs sqrt(v - ḡ² - ε).
 * - Adagrad: Keras's epsilon is an argument; tfjs fixes it at the backend's.
 * - SGD with momentum: Keras keeps the velocity with the learning rate in it (`m = μm - lr·g`);
 *   tfjs keeps the gradient sum and multiplies by lr afterwards (equal in exact arithmetic).
 * Scalars that depend only on the step are computed in float64 and applied as float32.
 */
import * as tf from '../backend/tf.js';
import { KerasOptimizer, type SlotSpec } from './keras-optimizer.js';
import { adamOnHost, hostUpdatePays } from './adam-host.js';

type Config = Readonly<Record<string, number | boolean>>;
const num = (c: Config, key: string) => c[key] as number;

abstract class ConfiguredOptimizer extends KerasOptimizer {
  constructor(protected readonly config: Config) {
    super();
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.config };
  }
}

export class KerasAdam extends ConfiguredOptimizer {
  static className = 'Adam';
  protected readonly slotSpecs: readonly SlotSpec[] = [
    { name: 'momentum', initial: 0 },
    { name: 'velocity', initial: 0 },
    ...(this.config['amsgrad'] === true ? [{ name: 'velocity_hat', initial: 0 }] : []),
  ];
  protected update(w: tf.Variable, g: tf.Tensor, [m, v, vHat]: readonly tf.Variable[], step: number): void {
    const [b1, b2] = [num(this.config, 'beta_1'), num(this.config, 'beta_2')];
    const alpha = (num(this.config, 'learning_rate') * Math.sqrt(1 - b2 ** step)) / (1 - b1 ** step);
    if (!vHat && hostUpdatePays(w.size) && g.dtype === 'float32') {
      adamOnHost(w, g, m!, v!, { b1, b2, alpha, epsilon: num(this.config, 'epsilon') });
      return;
    }
    m!.assign(tf.add(m!, tf.mul(tf.sub(g, m!), 1 - b1)));
    v!.assign(tf.add(v!, tf.mul(tf.sub(tf.square(g), v!), 1 - b2)));
    let second: tf.Tensor = v!;
    if (vHat) {
      vHat.assign(tf.maximum(vHat, v!));
      second = vHat;
    }
    w.assign(tf.sub(w, tf.div(tf.mul(m!, alpha), tf.add(tf.sqrt(second), num(this.config, 'epsilon')))));
  }
}

export class KerasRMSprop extends ConfiguredOptimizer {
  static className = 'RMSprop';
  private readonly momentum = num(this.config, 'momentum');
  private readonly centered = this.config['centered'] === true;
  protected readonly slotSpecs: readonly SlotSpec[] = [
    { name: 'velocity', initial: 0 },
    ...(this.momentum > 0 ? [{ name: 'momentum', initial: 0 }] : []),
    ...(this.centered ? [{ name: 'average_gradient', initial: 0 }] : []),
  ];
  protected update(w: tf.Variable, g: tf.Tensor, slots: readonly tf.Variable[], _step: number): void {
    const [velocity, ...rest] = slots;
    const momentum = this.momentum > 0 ? rest.shift() : undefined;
    const average = this.centered ? rest.shift() : undefined;
    const rho = num(this.config, 'rho');
    const epsilon = num(this.config, 'epsilon');
    velocity!.assign(tf.add(tf.mul(rho, velocity!), tf.mul(1 - rho, tf.square(g))));
    let denominator: tf.Tensor;
    if (average) {
      average.assign(tf.add(tf.mul(rho, average), tf.mul(1 - rho, g)));
      denominator = tf.add(tf.sub(velocity!, tf.square(average)), epsilon);
    } else denominator = tf.add(velocity!, epsilon);
    const increment = tf.div(tf.mul(num(this.config, 'learning_rate'), g), tf.sqrt(denominator));
    if (momentum) {
      momentum.assign(tf.add(tf.mul(this.momentum, momentum), increment));
      w.assign(tf.sub(w, momentum));
    } else w.assign(tf.sub(w, increment));
  }
}

export class KerasAdagrad extends ConfiguredOptimizer {
  static className = 'Adagrad';
  protected readonly slotSpecs: readonly SlotSpec[] = [{ name: 'accumulator', initial: num(this.config, 'initial_accumulator_value') }];
  protected update(w: tf.Variable, g: tf.Tensor, [accumulator]: readonly tf.Variable[], _step: number): void {
    accumulator!.assign(tf.add(accumulator!, tf.square(g)));
    w.assign(tf.sub(w, tf.div(tf.mul(num(this.config, 'learning_rate'), g), tf.sqrt(tf.add(accumulator!, num(this.config, 'epsilon'))))));
  }
}

export class KerasSGD extends ConfiguredOptimizer {
  static className = 'SGD';
  private readonly momentum = num(this.config, 'momentum');
  // Keras keeps a momentum variable only when momentum != 0 (then nesterov matters).
  protected readonly slotSpecs: readonly SlotSpec[] = this.momentum !== 0 ? [{ name: 'momentum', initial: 0 }] : [];
  protected update(w: tf.Variable, g: tf.Tensor, [m]: readonly tf.Variable[], _step: number): void {
    const step = tf.mul(g, num(this.config, 'learning_rate'));
    if (!m) {
      w.assign(tf.sub(w, step));
      return;
    }
    m.assign(tf.sub(tf.mul(m, this.momentum), step));
    w.assign(tf.add(w, this.config['nesterov'] === true ? tf.sub(tf.mul(m, this.momentum), step) : m));
  }
}
