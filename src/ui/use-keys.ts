import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { decodeKeys, type Key } from './editor/keys.js';

/**
 * Every key typed, decoded by the editor's own table (raw mode on while mounted). The handler
 * may change between renders; the subscription does not.
 */
export function useKeys(onKey: (key: Key) => void): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    setRawMode(true);
    const listen = (chunk: string): void => {
      for (const key of decodeKeys(chunk)) handler.current(key);
    };
    events.on('input', listen);
    return () => {
      events.off('input', listen);
      setRawMode(false);
    };
  }, [events, setRawMode]);
}
