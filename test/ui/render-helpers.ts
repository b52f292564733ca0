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

/** Resolves once `check` holds for the latest frame; fails with the frame after `ms`. */
export async function waitForFrame(lastFrame: () => string | undefined, check: (frame: string) => boolean, ms = 5000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const frame = plain(lastFrame());
    if (check(frame)) return frame;
    if (Date.now() > until) throw new Error(`timed out; the screen was:\n${frame}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
