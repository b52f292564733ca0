import { createContext, useContext } from 'react';

/**
 * Whether the REPL paints colours. Ink's chalk looks at FORCE_COLOR and the TTY but not at
 * NO_COLOR, so the decision is made here and components pass a colour only when it is on:
 * NO_COLOR (any non-empty value, no-color.org) wins, then FORCE_COLOR, then "is a terminal".
 */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

/** The colour each kind of output gets. */
export const PALETTE = {
  error: 'red',
  warning: 'yellow',
  shape: 'cyan',
  params: 'green',
  prompt: 'blue',
  dim: 'gray',
  highlight: 'magenta',
} as const;

export type Paint = keyof typeof PALETTE;

export const ColorContext = createContext(false);

/** `color` prop for a Text: the palette colour when colours are on, else none. */
export function usePaint(): (kind: Paint) => string | undefined {
  const on = useContext(ColorContext);
  return (kind) => (on ? PALETTE[kind] : undefined);
}
