import { Box, Text } from 'ink';
import { useContext, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import { ColorContext } from '../colors.js';
import type { TrainingFeed } from './feed.js';
import { liveViewLines } from './live-text.js';
import { livePaint } from './paint.js';

export interface LiveViewProps {
  readonly feed: TrainingFeed;
  readonly columns: number;
  /** Rows the view may take (the App leaves room for the running command and the status line). */
  readonly rows: number;
}

/**
 * The running fit: curves, `Epoch k/n`, Keras's bar, samples/s, ETA and the best epoch; redrawn
 * only when the feed publishes (≤ 10 times a second, fewer where a redraw is slow). Nothing
 * before a fit starts.
 */
export function LiveView({ feed, columns, rows }: LiveViewProps) {
  const renderStarted = performance.now();
  const state = useSyncExternalStore(feed.subscribe, feed.snapshot);
  // Layout effects run after Ink has written the frame: the whole cost of this redraw.
  useLayoutEffect(() => {
    if (state !== null) feed.reportRedraw(performance.now() - renderStarted);
  });
  const colors = useContext(ColorContext);
  const paint = useMemo(() => livePaint(colors), [colors]);
  if (state === null) return null;
  return (
    <Box flexDirection="column">
      {liveViewLines(state, { columns, rows }, paint).map((line, i) => (
        // Lines come cut to the width: no wrapping or truncating work for Ink on each redraw.
        <Text key={i}>{line || ' '}</Text>
      ))}
    </Box>
  );
}
