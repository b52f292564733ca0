import { Box, Text } from 'ink';
import { CONTINUATION, PROMPT } from '../../replay/run-script.js';
import { usePaint } from '../colors.js';
import type { Line } from '../editor/line.js';
import { searchPrompt, type SearchState } from '../editor/search.js';

export interface PromptProps {
  /** Lines already entered of a command still open (an unclosed parenthesis). */
  readonly pending: readonly string[];
  readonly line: Line;
  readonly search?: SearchState | null;
  /** The match Ctrl-R shows, when searching. */
  readonly searchMatch?: string;
}

/** The text with the cursor drawn as an inverse cell (a space at the end of the line). */
function WithCursor({ line }: { readonly line: Line }) {
  const at = line.text[line.cursor] ?? ' ';
  return (
    <Text>
      {line.text.slice(0, line.cursor)}
      <Text inverse>{at}</Text>
      {line.text.slice(line.cursor + 1)}
    </Text>
  );
}

/** `klayers> ` (or `   ...> ` while a call is still open) and the line being typed. */
export function Prompt({ pending, line, search = null, searchMatch = '' }: PromptProps) {
  const paint = usePaint();
  const label = pending.length === 0 ? PROMPT : CONTINUATION;
  return (
    <Box flexDirection="column">
      {pending.map((text, i) => (
        <Text key={i}>
          <Text color={paint('prompt')}>{i === 0 ? PROMPT : CONTINUATION}</Text>
          {text}
        </Text>
      ))}
      {search ? (
        <Text>
          {searchPrompt(search)}
          <WithCursor line={{ text: searchMatch, cursor: searchMatch.length }} />
        </Text>
      ) : (
        <Text>
          <Text color={paint('prompt')}>{label}</Text>
          <WithCursor line={line} />
        </Text>
      )}
    </Box>
  );
}
