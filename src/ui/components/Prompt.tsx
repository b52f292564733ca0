import { Box, Text } from 'ink';
import { usePaint } from '../colors.js';
import type { Row } from '../prompt-layout.js';

interface PromptProps {
  /** From layoutPrompt: the open call's earlier lines, then the line being typed, wrapped. */
  readonly rows: readonly Row[];
}

/**
 * `klayers> ` (or `   ...> ` while a call is still open) and what is typed. The terminal's own
 * cursor marks the editing point (placed by the App), so nothing here draws one.
 */
export function Prompt({ rows }: PromptProps) {
  const paint = usePaint();
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i}>
          <Text color={paint('prompt')}>{row.label}</Text>
          {row.text || (row.label ? '' : ' ')}
        </Text>
      ))}
    </Box>
  );
}
