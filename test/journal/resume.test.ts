import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../src/commands/context.js';
import { executeLine } from '../../src/commands/execute.js';
import { startJournaled } from '../../src/journal/attach.js';
import { resumeFromJournal } from '../../src/journal/resume.js';
import { renderBlockText } from '../../src/render/block-text.js';
import { maskVolatile } from '../../src/session-file/mask.js';
import { run, runAll } from '../helpers/run.js';

const SESSION = ['seed 7', 'load builtin:iris', "Dense(8, activation='relu')", "Dense(3, activation='softmax')", 'compile optimizer=adam metrics=[accuracy]', 'fit epochs=3 verbose=0'];

test('a journaled session is restored: layers, compile, data, and the weights of its last epoch', async () => {
  const env = { KLAYERS_JOURNAL: mkdtempSync(join(tmpdir(), 'klayers-resume-')) };
  const firstCtx = createContext({ columns: 80, backend: 'cpu' });
  const first = await startJournaled(firstCtx.session, (line) => executeLine(firstCtx, line), { env });
  await runAll(firstCtx, SESSION);
  const trained = maskVolatile((await run(firstCtx, 'evaluate')).text);
  await first.close();

  const fresh = createContext({ columns: 80, backend: 'cpu' });
  const untrained = maskVolatile((await runAll(fresh, SESSION.slice(0, 5).concat('evaluate'))).at(-1)!);
  assert.notEqual(untrained, trained, 'training must change the evaluation, or this test proves nothing');

  const second = createContext({ columns: 80, backend: 'cpu' });
  const report = (await resumeFromJournal(second.session, (line) => executeLine(second, line), first.journalPath!, null)).map((b) => renderBlockText(b, 80)).join('\n');
  const lines = report.split('\n');
  assert.equal(lines[0], `Resumed the session journaled in ${first.journalPath}:`);
  assert.equal(lines[1], '  commands replayed: 6; not rerun: fit epochs=3 verbose=0');
  assert.equal(lines[2], "  model 'sequential': 2 layers (dense, dense_1), 67 params");
  assert.match(lines[3]!, /^ {2}compile: model\.compile\(optimizer=Adam\(learning_rate=0\.001.*loss='categorical_crossentropy', metrics=\['accuracy'\]\)$/);
  assert.equal(lines[4], '  data: builtin:iris (150 rows)');
  assert.match(lines[5]!, /^ {2}weights: the checkpoint after epoch 3\/3 of the last fit \(.*\); the optimizer starts fresh$/);
  assert.equal(maskVolatile((await run(second, 'evaluate')).text), trained);
});

test('a journal without a checkpoint restores the model and says the weights are fresh', async () => {
  const env = { KLAYERS_JOURNAL: mkdtempSync(join(tmpdir(), 'klayers-resume-')) };
  const firstCtx = createContext({ columns: 80, backend: 'cpu' });
  const first = await startJournaled(firstCtx.session, (line) => executeLine(firstCtx, line), { env });
  await runAll(firstCtx, ['Input(shape=(4,))', 'Dense(2)']);
  await run(firstCtx, 'nonsense_command'); // refused: not journaled
  await first.close();
  const second = createContext({ columns: 80, backend: 'cpu' });
  const report = (await resumeFromJournal(second.session, (line) => executeLine(second, line), first.journalPath!, null)).map((b) => renderBlockText(b, 80)).join('\n');
  assert.match(report, /commands replayed: 2\n/);
  assert.match(report, /weights: none checkpointed \(no epoch finished\); the model starts from fresh weights/);
  assert.equal(second.session.model.state.layers.length, 1);
});
