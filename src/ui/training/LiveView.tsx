import { Box, Text, useStdout } from 'ink';
import { useContext, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { ColorContext } from '../colors.js';
import type { TrainingFeed } from './feed.js';
import { liveViewLines } from './live-text.js';
import { livePaint } from './paint.js';

export interface LiveViewProps {
  readonly feed: TrainingFeed;
  /** Rows of the terminal the App keeps for itself (the running command, the status line). */
  readonly reserve?: number;
  /** A fixed size (tests, the bench); otherwise the terminal's, read at every redraw so a resize shows at once. */
  readonly size?: { readonly columns: number; readonly rows: number };
}

/**
 * The running fit: curves, `Epoch k/n`, Keras's bar, samples/s, ETA and the best epoch; redrawn
 * only when the feed publishes (≤ 10 times a second, fewer where a redraw is slow). Nothing
 * before a fit starts.
 */
export function LiveView({ feed, reserve = 0, size }: LiveViewProps) {
  const renderStarted = performance.now();
  const state = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const { stdout } = useStdout();
  // Layout effects run after Ink has written the frame: the whole cost of this redraw.
  useLayoutEffect(() => {
    if (state !== null) feed.reportRedraw(performance.now() - renderStarted);
  });
  const colors = useContext(ColorContext);
  const paint = useMemo(() => livePaint(colors), [colors]);
  if (state === null) return null;
  const area = size ?? { columns: stdout.columns || 80, rows: (stdout.rows || 24) - reserve };
  return (
    <Box flexDirection="column">
      {liveViewLines(state, area, paint).map((line, i) => (
        // Lines come cut to the width: no wrapping or truncating work for Ink on each redraw.
        <Text key={i}>{line || ' '}</Text>
      ))}
    </Box>
  );
}
