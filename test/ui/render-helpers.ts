import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { CommandContext } from '../../src/commands/types.js';
import { createContext } from '../../src/commands/context.js';
import { createSession } from '../../src/session/klayers-session.js';
import { stubEngine as makeStubEngine } from '../helpers/stub-engine.js';

/** Escape codes out, so frames compare as the characters a user reads. */
export const plain = (s: string | undefined): string => (s ?? '').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** The rendered text of a component (100 columns, as ink-testing-library's stdout has). */
export function frameOf(element: ReactElement): string {
  const r = render(element);
  const frame = plain(r.lastFrame());
  r.unmount();
  return frame;
}

/** An engine that never loads tfjs: every model is buildable, the backend is `cpu`. */
export const stubEngine = makeStubEngine;

export const stubContext = (engine = makeStubEngine()): CommandContext => createContext({ columns: 100, session: createSession({ engine }) });

/** How long a wait for the screen may take before the test fails: generous, for a loaded machine. */
export const WAIT_MS = 20_000;

/** Resolves once `check` holds for the latest frame; fails with the frame after `ms`. */
export async function waitForFrame(lastFrame: () => string | undefined, check: (frame: string) => boolean, ms = WAIT_MS): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const frame = plain(lastFrame());
    if (check(frame)) return frame;
    if (Date.now() > until) throw new Error(`timed out; the screen was:\n${frame}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** ink-testing-library's stdin: one chunk at a time, kept until Ink reads it. */
interface TestStdin {
  readonly data: string | null;
  write(data: string): void;
  listenerCount(event: string): number;
}

/** Resolves once `check` holds; fails saying what was awaited after `ms`. */
export async function waitUntil(check: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Types `keys` as one chunk of terminal input. Ink reads stdin only once a component has turned raw
 * mode on (a chunk written before waits unread, and the next one replaces it), so this waits for
 * Ink to listen, lets React run the effects of what it last drew (they are queued before this turn),
 * then writes and waits for the chunk to be read: its keys have been handled when this resolves.
 */
export async function typeKeys(stdin: TestStdin, keys: string, ms = WAIT_MS): Promise<void> {
  await waitUntil(() => stdin.listenerCount('readable') > 0, `Ink never listened to stdin to type ${JSON.stringify(keys)}`, ms);
  await new Promise((r) => setImmediate(r));
  stdin.write(keys);
  await waitUntil(() => stdin.data === null, `Ink did not read ${JSON.stringify(keys)} from stdin`, ms);
}
