/**
 * A Lambda expression as Python text over `keras.ops`, for `layers.Lambda(lambda x: ...)` in an
 * exported script. klayers's conventions that differ from ops (per-sample reshape/flatten/
 * permute, concatenate on the last axis, float argmax, comparisons as 0/1 floats) are written out
 * explicitly. What cannot be said in ops is refused with a UserError.
 */
import type { LambdaExpr } from '../lambda/ast.js';
import { isComparison } from '../lambda/ast.js';
import { findLambdaFunction, formatIndexItem, formatLambda, lambdaOutputShape } from '../lambda/index.js';
import { UserError } from '../core/user-error.js';
import type { Shape } from '../core/shape.js';

type CallExpr = Extract<LambdaExpr, { kind: 'call' }>;

/** Functions whose ops twin takes the same arguments under the same names. */
const SAME = new Set([
  'abs', 'exp', 'log', 'sqrt', 'square', 'tanh', 'sigmoid', 'relu', 'softplus', 'sin', 'cos', 'sign', 'floor', 'ceil', 'round',
  'negative', 'reciprocal', 'log1p', 'expm1', 'relu6', 'elu', 'selu', 'softsign', 'silu', 'gelu', 'hard_sigmoid', 'clip',
  'maximum', 'minimum', 'power', 'where', 'mean', 'sum', 'max', 'min', 'prod', 'std', 'var', 'logsumexp', 'softmax',
  'log_softmax', 'cumsum', 'expand_dims',
]);

const COMPARE_OPS: Record<string, string> = { '<': 'less', '<=': 'less_equal', '>': 'greater', '>=': 'greater_equal', '==': 'equal', '!=': 'not_equal' };

/** `lambda x: ...` text for Keras, given the layer's input shape (batch axis first). */
export function lambdaToKeras(expression: LambdaExpr, input: Shape): string {
  return `lambda x: ${new Translator(expression, input).text(expression)}`;
}

class Translator {
  constructor(
    private readonly root: LambdaExpr,
    private readonly input: Shape,
  ) {}

  private refuse(what: string): never {
    throw new UserError(`export keras: cannot translate ${what} in Lambda('${formatLambda(this.root)}') to keras.ops.`, 'Replace the Lambda by Keras layers, or edit the exported script by hand.');
  }

  private shapeOf(e: LambdaExpr): Shape {
    return lambdaOutputShape(e, this.input);
  }

  /** Per-sample dims of `e` (after the batch axis), all known, or a refusal. */
  private knownDims(e: LambdaExpr, what: string): number[] {
    const dims = this.shapeOf(e).slice(1);
    if (dims.some((d) => d === null)) this.refuse(`${what} on a shape with unknown sizes`);
    return dims as number[];
  }

  text(e: LambdaExpr): string {
    switch (e.kind) {
      case 'number':
        return Number.isInteger(e.value) ? String(e.value) : pyFloat(e.value);
      case 'x':
        return 'x';
      case 'none':
        return 'None';
      case 'bool':
        return e.value ? 'True' : 'False';
      case 'unary':
        return `-${this.operand(e.operand)}`;
      case 'binary':
        if (isComparison(e.op)) return `ops.cast(ops.${COMPARE_OPS[e.op]}(${this.text(e.left)}, ${this.text(e.right)}), "float32")`;
        return `${this.operand(e.left)} ${e.op} ${this.operand(e.right)}`;
      case 'list':
        return `[${e.items.map((i) => this.text(i)).join(', ')}]`;
      case 'tuple':
        return e.items.length === 1 ? `(${this.text(e.items[0]!)},)` : `(${e.items.map((i) => this.text(i)).join(', ')})`;
      case 'index':
        return `${this.operand(e.target)}[${e.items.map(formatIndexItem).join(', ')}]`;
      case 'call':
        return this.call(e);
    }
  }

  /** Composite operands are parenthesized: always correct, whatever the precedence. */
  private operand(e: LambdaExpr): string {
    const t = this.text(e);
    return e.kind === 'binary' || e.kind === 'unary' || (e.kind === 'number' && e.value < 0) ? `(${t})` : t;
  }

  private arg(e: CallExpr, name: string): LambdaExpr | undefined {
    return e.args[name];
  }

  private call(e: CallExpr): string {
    const a = (name: string) => this.arg(e, name);
    const t = (name: string) => this.text(a(name)!);
    const kw = (name: string, fallback: string) => `${name}=${a(name) ? t(name) : fallback}`;
    switch (e.name) {
      case 'pow':
        return `ops.power(${t('x1')}, ${t('x2')})`;
      case 'argmax':
      case 'argmin':
        return `ops.cast(ops.${e.name}(${t('x')}, ${kw('axis', 'None')}, ${kw('keepdims', 'False')}), "float32")`;
      case 'l2_normalize': {
        const axis = a('axis') ? t('axis') : '-1';
        return `${this.operand(a('x')!)} / ops.sqrt(ops.maximum(ops.sum(ops.square(${t('x')}), axis=${axis}, keepdims=True), 1e-12))`;
      }
      case 'concatenate':
      case 'stack':
        return `ops.${e.name}(${t('xs')}, ${kw('axis', '-1')})`;
      case 'reshape':
        return `ops.reshape(${t('x')}, (-1, ${this.knownDims(e, 'reshape').join(', ')}))`;
      case 'ops.reshape':
        return `ops.reshape(${t('x')}, ${t('shape')})`;
      case 'flatten':
        return `ops.reshape(${t('x')}, (-1, ${this.knownDims(e, 'flatten')[0]}))`;
      case 'permute':
        return `ops.transpose(${t('x')}, (0, ${tupleItems(a('dims')!).join(', ')}))`;
      case 'transpose':
        return a('axes') && a('axes')!.kind !== 'none' ? `ops.transpose(${t('x')}, ${t('axes')})` : `ops.transpose(${t('x')})`;
      case 'squeeze': {
        if (a('axis') && a('axis')!.kind !== 'none') return `ops.squeeze(${t('x')}, axis=${t('axis')})`;
        const ones = this.shapeOf(a('x')!).map((d, i) => (i > 0 && d === 1 ? i : -1)).filter((i) => i > 0);
        return ones.length === 0 ? t('x') : `ops.squeeze(${t('x')}, axis=(${ones.join(', ')}${ones.length === 1 ? ',' : ''}))`;
      }
    }
    if (!SAME.has(e.name)) this.refuse(`the function '${e.name}'`);
    // Required parameters positionally, optional ones as keywords, in signature order.
    const params = findLambdaFunction(e.name)?.params ?? [];
    const parts = params.filter((p) => a(p.name)).map((p) => (p.default === undefined ? t(p.name) : `${p.name}=${t(p.name)}`));
    return `ops.${e.name}(${parts.join(', ')})`;
  }
}

function tupleItems(e: LambdaExpr): string[] {
  if (e.kind === 'tuple' || e.kind === 'list') return e.items.map((i) => (i.kind === 'number' ? String(i.value) : formatLambda(i)));
  return [formatLambda(e)];
}


/** Python's float repr for the usual cases: `0.5`, `1e-05`, `2.0`. */
function pyFloat(v: number): string {
  if (Number.isInteger(v)) return `${v}.0`;
  const s = String(v);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}
