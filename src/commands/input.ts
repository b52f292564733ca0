import { isCall, type Call } from '../lang/ast.js';
import { message } from '../render/blocks.js';
import { setInput } from '../model/edits.js';
import { describeInput } from './describe.js';
import { resolveCall } from './layer-call.js';
import { defineCommand } from './types.js';
import { freeArg } from './options.js';
import { UserError } from '../core/user-error.js';

export const input = defineCommand({
  name: 'input',
  group: 'Build the model',
  summary: 'Set the model input shape (without the batch axis), as keras.Input(shape=...).',
  options: { forms: [{ positional: [freeArg('SHAPE')], open: 'any' }, { positional: [], text: 'Input(shape=SHAPE, ...)' }] },
  examples: ['input (28, 28, 1)', 'Input(shape=(784,))', 'Input(batch_shape=(32, 10, 8))'],
  run({ session: { model } }, { args, kwargs }) {
    const single = args.length === 1 && isCall(args[0]!) && /(^|\.)Input$/.test((args[0] as Call).name);
    const call: Call = single ? (args[0] as Call) : { kind: 'call', name: 'Input', args, kwargs, column: 0 };
    const resolved = resolveCall(call);
    if (resolved.kind !== 'input') throw new UserError('input takes a shape such as (28, 28, 1).', `Usage: ${this.usage}`);
    model.edit((s) => setInput(s, resolved.input));
    return [message(describeInput(model))];
  },
});
