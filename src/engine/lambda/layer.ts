import * as tf from '../backend/tf.js';
import type { LambdaExpr } from '../../lambda/ast.js';
import { formatLambda, lambdaOutputShape, parseLambda } from '../../lambda/index.js';
import type { Shape } from '../../core/shape.js';
import { evaluateLambda } from './ops.js';

type TfLayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Constructor arguments; `expression` is Lambda's source text. */
interface LambdaLayerArgs extends TfLayerArgs {
  readonly expression: string;
  /** Keras `output_shape`: excludes the batch axis; inferred from the expression when null. */
  readonly outputShape?: readonly number[] | null;
}

/**
 * Undoes tfjs's case conversion of config strings. Saving runs strings through toSnakeCase and
 * loading through toCamelCase, so `expand_dims` comes back as `expandDims` (and `None` survives as
 * `_none` -> `None`). The stored text is canonical (lower-case names, lower-case `e` in numbers),
 * where an upper-case letter right after a letter or digit can only come from that conversion.
 */
function restoreConfigExpression(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, (_, before: string, upper: string) => `${before}_${upper.toLowerCase()}`);
}

/** Keras `Lambda` over klayers's expression language; serializes as its canonical text. */
export class KlayersLambda extends tf.layers.Layer {
  static className = 'KlayersLambda';
  readonly expr: LambdaExpr;
  /** Canonical text of the expression, as stored in the config. */
  readonly expression: string;
  readonly targetShape: readonly number[] | null;
  private builtFor: Shape | undefined;

  constructor(args: LambdaLayerArgs) {
    super(args);
    this.expr = parseLambda(args.expression);
    this.expression = formatLambda(this.expr);
    this.targetShape = args.outputShape ?? null;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const input = singleShape(inputShape);
    if (this.targetShape !== null) return [input[0] ?? null, ...this.targetShape];
    return [...lambdaOutputShape(this.expr, input)];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    this.builtFor = singleShape(inputShape);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return evaluateLambda(this.expr, x, this.builtFor);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), expression: this.expression, outputShape: this.targetShape === null ? null : [...this.targetShape] };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const expression = restoreConfigExpression(String(config.expression));
    return new cls({ ...config, expression });
  }
}

function singleShape(shape: tf.Shape | tf.Shape[]): Shape {
  return (Array.isArray(shape[0]) ? shape[0] : shape) as Shape;
}

let registered = false;

/** Registers KlayersLambda for model deserialization; safe to call any number of times. */
export function registerLambdaLayer(): void {
  if (registered) return;
  tf.serialization.registerClass(KlayersLambda);
  registered = true;
}

/** A Lambda layer from its expression (throws UserError for a bad expression). */
export function createLambdaLayer(options: {
  readonly expression: string;
  readonly outputShape?: readonly number[] | null;
  readonly name?: string;
}): KlayersLambda {
  registerLambdaLayer();
  return new KlayersLambda({ expression: options.expression, outputShape: options.outputShape ?? null, name: options.name });
}
