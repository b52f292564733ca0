import { message } from '../render/blocks.js';
import { defineCommand } from './types.js';
import { simple, wordArg } from './options.js';
import { asWord, checkArity } from './words.js';
import { UserError } from '../core/user-error.js';
import { formatValue } from '../lang/format-value.js';

const CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu'];

export const backend = defineCommand({
  name: 'backend',
  group: 'Engine',
  summary: 'Show which tfjs backend computes, and why; `backend cpu` (or auto/tensorflow/wasm) chooses one.',
  options: simple([wordArg(['auto', 'tensorflow', 'wasm', 'cpu'], true)]),
  examples: ['backend', 'backend cpu'],
  async run({ session: { engine } }, { args }) {
    checkArity('backend', args, 1, this.usage);
    if (args.length === 0) return [message(await engine.describeBackend())];
    const choice = asWord(args[0]);
    if (choice === undefined || !CHOICES.includes(choice)) {
      throw new UserError(`Unknown backend: ${choice ?? formatValue(args[0]!)}.`, `Choose one of ${CHOICES.join(', ')}.`);
    }
    return [message(await engine.selectBackend(choice))];
  },
});
