import { useEffect, useReducer, useRef } from 'react';
import { TrainingFeed } from './feed.js';
import type { Clock } from './throttle.js';

/**
 * The App's one TrainingFeed (its hooks go into every command's context), re-rendering the App
 * when a fit starts or ends, so the prompt gives way to the live view and comes back.
 */
export function useTrainingFeed(clock?: Clock): TrainingFeed {
  const feed = useRef<TrainingFeed | null>(null);
  feed.current ??= new TrainingFeed(clock);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => feed.current!.subscribeControl(rerender), []);
  return feed.current;
}
