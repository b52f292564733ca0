import { Text } from 'ink';
import { usePaint } from '../colors.js';

interface SignatureHintProps {
  readonly hint: { readonly text: string; readonly highlight: readonly [number, number] | null } | null;
}

/**
 * The signature of the layer being typed, one line under the prompt, the current argument
 * picked out (bold, and coloured when colours are on).
 */
export function SignatureHint({ hint }: SignatureHintProps) {
  const paint = usePaint();
  if (!hint) return null;
  const [from, to] = hint.highlight ?? [hint.text.length, hint.text.length];
  return (
    <Text color={paint('dim')} wrap="truncate-end">
      {hint.text.slice(0, from)}
      <Text bold color={paint('highlight')}>
        {hint.text.slice(from, to)}
      </Text>
      {hint.text.slice(to)}
    </Text>
  );
}
