import { Box, Text } from 'ink';
import { useContext, useMemo, useSyncExternalStore } from 'react';
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
 * The running fit, redrawn only when the feed publishes (≤ 10 times a second): curves,
 * `Epoch k/n`, Keras's bar, samples/s, ETA and the best epoch. Nothing before a fit starts.
 */
export function LiveView({ feed, columns, rows }: LiveViewProps) {
  const state = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const colors = useContext(ColorContext);
  const paint = useMemo(() => livePaint(colors), [colors]);
  if (state === null) return null;
  return (
    <Box flexDirection="column">
      {liveViewLines(state, { columns, rows }, paint).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
