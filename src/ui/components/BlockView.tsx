import { Text } from 'ink';
import { renderBlockText } from '../../render/block-text.js';
import type { Block } from '../../render/blocks.js';
import { usePaint } from '../colors.js';
import { highlightRuns } from '../highlight.js';
import { wrapIndented } from '../wrap.js';

export interface BlockViewProps {
  readonly block: Block;
  readonly columns: number;
  /** The command failed: its text (a syntax error with a caret) reads as an error too. */
  readonly failed?: boolean;
}

/**
 * One output block, as the same text replay prints (summary tables at the terminal width),
 * wrapped at spaces under its own indentation when wider than the terminal, and painted: errors red, warnings yellow, shapes and parameter counts in their own colours.
 */
export function BlockView({ block, columns, failed = false }: BlockViewProps) {
  const paint = usePaint();
  const text = renderBlockText(block, columns);
  // Summary tables are already sized to the width; prose wraps under its own indentation.
  const body = block.kind === 'summary' ? text : wrapIndented(text, columns);
  if (block.kind === 'error' || (failed && block.kind === 'text')) return <Text color={paint('error')}>{body}</Text>;
  if (block.kind === 'warning') return <Text color={paint('warning')}>{body}</Text>;
  return (
    <Text>
      {highlightRuns(body).map((run, i) =>
        run.kind === 'plain' ? run.text : (
          <Text key={i} color={paint(run.kind === 'shape' ? 'shape' : 'params')}>
            {run.text}
          </Text>
        ),
      )}
    </Text>
  );
}
