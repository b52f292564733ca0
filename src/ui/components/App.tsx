import { Box, Static, Text, useApp, useCursor, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { CommandContext } from '../../commands/types.js';
import { isIncomplete } from '../../lang/index.js';
import { ColorContext } from '../colors.js';
import { initialEditor, press, rememberEntry, type EditorState } from '../editor/editor.js';
import type { Key } from '../editor/keys.js';
import { searchPrompt, searchResult } from '../editor/search.js';
import { historyEntry } from '../history-store.js';
import { hardWrap, layoutPrompt } from '../prompt-layout.js';
import { backendName, isLeaveCommand, modelStatus, unsavedQuestion, WELCOME } from '../repl-words.js';
import { useCompleter } from '../use-completer.js';
import { useKeys } from '../use-keys.js';
import { useRunner } from '../use-runner.js';
import { LiveView } from '../training/LiveView.js';
import { useTrainingFeed } from '../training/use-training-feed.js';
import { Candidates } from './Candidates.js';
import { Cell, cellEcho, type CellData } from './Cell.js';
import { Prompt } from './Prompt.js';
import { SignatureHint } from './SignatureHint.js';
import { StatusLine } from './StatusLine.js';
import { dataStatus } from '../../commands/data-status.js';

interface AppProps {
  readonly ctx: CommandContext;
  /** Earlier commands (↑, Ctrl-R) and where accepted ones go; none in tests that do not care. */
  readonly history?: { load(): string[]; append(entry: string): void };
  readonly colors?: boolean;
  /** The data set in use, for the status line (the data commands will fill it in). */
  readonly dataset?: string | null;
  /** Ctrl-C: the line is cleared here; this lets a running job (training, later) stop too. */
  readonly onInterrupt?: () => void;
}

type Item = { readonly id: number; readonly welcome: true } | CellData;

/** The notebook REPL: finished cells above (printed once), the live prompt and status below. */
export function App({ ctx, history, colors = false, dataset = null, onInterrupt }: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const columns = stdout.columns || 80;
  const columnsNow = useCallback(() => stdout.columns || 80, [stdout]);
  const [backend, setBackend] = useState<string | null>(null);
  const askBackend = useCallback(() => {
    ctx.session.engine.describeBackend().then((d) => setBackend(backendName(d)), () => setBackend('unavailable'));
  }, [ctx]);
  // Every command gets the live view's hooks; a fit reports to them and hands over its control.
  const feed = useTrainingFeed();
  const runCtx = useMemo(() => ({ ...ctx, training: feed }), [ctx, feed]);
  const runner = useRunner(runCtx, columnsNow, askBackend);
  // The engine loads in the background once the first prompt is on screen.
  useEffect(askBackend, [askBackend]);

  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const live = useRef({ editor: initialEditor(history?.load() ?? []) as EditorState, pending: [] as string[], asking: null as number | null, leaving: false });
  const initialState = useRef(ctx.session.model.state);
  const completer = useCompleter(ctx, () => live.current.pending, columnsNow);

  const leave = (): void => {
    const unsaved = runner.changes > 0 && ctx.session.model.state !== initialState.current;
    if (unsaved) live.current.asking = runner.changes;
    else live.current.leaving = true;
  };
  useEffect(() => {
    if (live.current.leaving) exit();
  });

  const submit = (text: string): void => {
    const lines = [...live.current.pending, text];
    const source = lines.join('\n');
    if (isIncomplete(source)) {
      live.current.pending = lines;
      return;
    }
    live.current.pending = [];
    if (source.trim() === '') return;
    const entry = historyEntry(lines);
    history?.append(entry);
    live.current.editor = rememberEntry(live.current.editor, entry);
    if (isLeaveCommand(source)) leave();
    else runner.run(source);
  };

  useKeys((key: Key) => {
    const now = live.current;
    if (now.leaving) return;
    // While a fit runs, keys are its (Ctrl-C stops, p pauses); the rest are dropped.
    if (feed.press(key)) return;
    if (now.asking !== null) {
      if (key.name === 'insert' && /^y/i.test(key.text)) now.leaving = true;
      else now.asking = null;
      rerender();
      return;
    }
    const { state, action } = press(now.editor, key, completer.step);
    now.editor = state;
    if (action?.kind === 'submit') submit(action.text);
    if (action?.kind === 'interrupt') {
      now.pending = [];
      // Ctrl-C also stops a running command that can stop (a load); a fit has its own keys above.
      runner.cancel();
      onInterrupt?.();
    }
    if (action?.kind === 'eof') {
      if (now.pending.length > 0) now.pending = [];
      else leave();
    }
    rerender();
  });

  const { editor, pending, asking, leaving } = live.current;
  const items: Item[] = [{ id: 0, welcome: true }, ...runner.cells];
  const waitingRows = runner.waiting.flatMap((source, i) =>
    cellEcho({ number: runner.cells.length + i + 1, source }).flatMap((line) => hardWrap('', line, columns)),
  );
  const match = editor.search ? searchResult(editor.nav.entries, editor.search) : '';
  const prompt =
    asking !== null
      ? layoutPrompt([], unsavedQuestion(asking), '', 0, columns)
      : editor.search
        ? layoutPrompt([], searchPrompt(editor.search), match, match.length, columns)
        : layoutPrompt(pending, null, editor.line.text, editor.line.cursor, columns);
  // The terminal's cursor marks the editing point; rows count from the top of the live area.
  const fitting = feed.fitting;
  useCursor().setCursorPosition(leaving || fitting ? undefined : { x: prompt.cursor.x, y: waitingRows.length + (runner.progress !== null ? 1 : 0) + prompt.cursor.y });
  return (
    <ColorContext.Provider value={colors}>
      <Static items={items}>
        {(item) => ('welcome' in item ? <Text key={0}>{WELCOME}</Text> : <Cell key={item.id} cell={item} columns={columns} />)}
      </Static>
      {leaving ? null : (
        <Box flexDirection="column">
          {waitingRows.map((row, i) => (
            <Text key={i}>{row.text || ' '}</Text>
          ))}
          {runner.progress !== null ? <Text dimColor>{runner.progress.slice(0, columns - 1)}</Text> : null}
          {fitting ? (
            // The live area stays shorter than the terminal, or Ink would redraw the whole screen each time.
            <LiveView feed={feed} reserve={waitingRows.length + 2} />
          ) : (
            <>
              <Prompt rows={prompt.rows} />
              {editor.candidates ? <Candidates candidates={editor.candidates} columns={columns} /> : null}
              <SignatureHint hint={asking === null && !editor.search ? completer.hint(editor.line) : null} />
            </>
          )}
          <StatusLine {...modelStatus(ctx.session.model)} backend={fitting && backend ? `${backend} · training…` : backend} dataset={dataset ?? dataStatus(ctx)} />
        </Box>
      )}
    </ColorContext.Provider>
  );
}
