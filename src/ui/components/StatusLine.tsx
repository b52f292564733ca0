import { Text } from 'ink';
import { formatParamCount } from '../../render/format-numbers.js';
import { usePaint } from '../colors.js';

export interface StatusInfo {
  readonly modelName: string;
  readonly layerCount: number;
  /** Total parameters; null while the model has no input shape (Keras: unbuilt). */
  readonly totalParams: number | null;
  /** `cpu`, `tensorflow`, `wasm`; null until the engine has loaded. */
  readonly backend: string | null;
  /** The data set in use, once data loading exists; null or absent for none. */
  readonly dataset?: string | null;
}

/** `sequential · 2 layers · 67 params · backend cpu` — one line, plain words. */
export function statusText(info: StatusInfo): string {
  const layers = `${info.layerCount} ${info.layerCount === 1 ? 'layer' : 'layers'}`;
  const params = info.totalParams === null ? 'unbuilt' : `${formatParamCount(info.totalParams)} params`;
  const parts = [info.modelName, layers, params, `backend ${info.backend ?? 'loading…'}`];
  if (info.dataset) parts.push(`data ${info.dataset}`);
  return parts.join(' · ');
}

/** The status line under the prompt, cut to the terminal width rather than wrapped. */
export function StatusLine(props: StatusInfo) {
  const paint = usePaint();
  return (
    <Text color={paint('dim')} wrap="truncate-end">
      {statusText(props)}
    </Text>
  );
}
