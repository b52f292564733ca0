import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/fuzz.js';
import { collectFunctions, formatLambda, LAMBDA_FUNCTIONS, parseLambda, type LambdaExpr } from '../../src/lambda/index.js';

const number = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
  .filter((v) => !Object.is(v, -0))
  .map((value): LambdaExpr => ({ kind: 'number', value }));
const smallInt = fc.integer({ min: -3, max: 5 });
const optionalInt = fc.option(smallInt, { nil: null });

/** Random trees of the shapes the parser produces (a minus before a positive literal is folded). */
const { tree } = fc.letrec<{ tree: LambdaExpr }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<LambdaExpr>({ kind: 'x' }),
    number,
    tie('tree').filter((e) => !(e.kind === 'number' && e.value > 0)).map((operand): LambdaExpr => ({ kind: 'unary', op: '-', operand })),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom('+', '-', '*', '/', '**', '<', '<=', '>', '>=', '==', '!=' as const),
      left: tie('tree'),
      right: tie('tree'),
    }).map((e): LambdaExpr => ({ ...e })) // plain objects: fc.record's have no prototype
      .filter((e) => !(e.kind === 'binary' && isComparison(e.op) && (isComparisonExpr(e.left) || isComparisonExpr(e.right)))),
    tie('tree').map((x): LambdaExpr => ({ kind: 'call', name: 'sigmoid', args: { x } })),
    fc.tuple(tie('tree'), fc.option(smallInt, { nil: undefined }), fc.boolean()).map(([x, axis, keepdims]): LambdaExpr => ({
      kind: 'call',
      name: 'mean',
      args: { x, ...(axis === undefined ? {} : { axis: { kind: 'number', value: axis } }), ...(keepdims ? { keepdims: { kind: 'bool', value: true } } : {}) },
    })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items): LambdaExpr => ({
      kind: 'call', name: 'concatenate', args: { xs: { kind: 'list', items } },
    })),
    fc.tuple(tie('tree'), fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 })).map(([x, dims]): LambdaExpr => ({
      kind: 'call', name: 'reshape', args: { x, shape: { kind: 'tuple', items: dims.map((value) => ({ kind: 'number', value })) } },
    })),
    fc.tuple(tie('tree'), fc.array(fc.oneof(
      smallInt.map((index) => ({ kind: 'at' as const, index })),
      fc.record({ kind: fc.constant('slice' as const), start: optionalInt, stop: optionalInt, step: optionalInt.filter((s) => s !== 0) }).map((r) => ({ ...r })),
      fc.constant({ kind: 'newaxis' as const }),
    ), { minLength: 1, maxLength: 3 })).map(([target, items]): LambdaExpr => ({ kind: 'index', target, items })),
  ),
}));

function isComparison(op: string): boolean {
  return ['<', '<=', '>', '>=', '==', '!='].includes(op);
}
function isComparisonExpr(e: LambdaExpr): boolean {
  return e.kind === 'binary' && isComparison(e.op);
}

test('canonical text parses back to the same tree', () => {
  fc.assert(fc.property(tree, (expr) => {
    assert.deepEqual(parseLambda(formatLambda(expr)), expr);
  }), { seed: FUZZ_SEED, numRuns: 1500 });
});

test('canonical text is tidy Keras-style code', () => {
  assert.equal(formatLambda(parseLambda('x*2+1')), 'x * 2 + 1');
  assert.equal(formatLambda(parseLambda('(x+1)*2')), '(x + 1) * 2');
  assert.equal(formatLambda(parseLambda('-(x**2)')), '-x ** 2');
  assert.equal(formatLambda(parseLambda('(-x)**2')), '(-x) ** 2');
  assert.equal(formatLambda(parseLambda('x-(1-x)')), 'x - (1 - x)');
  assert.equal(formatLambda(parseLambda('(x>0)*x')), '(x > 0) * x');
  assert.equal(formatLambda(parseLambda('mean(x,1,keepdims=False)')), 'mean(x, axis=1, keepdims=False)');
  assert.equal(formatLambda(parseLambda('x[1:3,::2,...,None]')), 'x[1:3, ::2, ..., None]');
  assert.equal(formatLambda(parseLambda('reshape(x,(4,))')), 'reshape(x, (4,))');
  assert.equal(formatLambda(parseLambda('clip(x,0.000001,1)')), 'clip(x, 0.000001, 1)');
});

test('every function has a signature and a one-line doc for help and completion', () => {
  const table = collectFunctions();
  assert.equal(table.length, LAMBDA_FUNCTIONS.length);
  for (const entry of table) {
    assert.match(entry.signature, new RegExp(`^${entry.name}\\(.*\\)$`));
    assert.ok(entry.doc.length > 5 && !entry.doc.includes('\n'), entry.name);
  }
  assert.deepEqual(table.find((f) => f.name === 'mean'), {
    name: 'mean', signature: 'mean(x, axis=None, keepdims=False)', doc: 'Mean over axis (None: every axis, the batch axis too, as numpy).',
  });
  assert.equal(table.find((f) => f.name === 'concatenate')?.signature, 'concatenate(xs, axis=-1)');
});
