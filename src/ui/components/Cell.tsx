import { Box, Text } from 'ink';
import type { Block } from '../../render/blocks.js';
import { CONTINUATION, PROMPT } from '../../replay/run-script.js';
import { usePaint } from '../colors.js';
import { BlockView } from './BlockView.js';

/** One finished command: what was typed (all its lines) and what it printed. */
export interface CellData {
  readonly id: number;
  /** 1-based, in the order commands were run. */
  readonly number: number;
  readonly source: string;
  readonly blocks: readonly Block[];
  readonly ok: boolean;
}

export interface CellProps {
  readonly cell: CellData;
  readonly columns: number;
}

/** `[3] ` before the first line; continued lines are indented to match. */
export function cellEcho(cell: Pick<CellData, 'number' | 'source'>): string[] {
  const tag = `[${cell.number}] `;
  return cell.source.split('\n').map((line, i) => (i === 0 ? tag + PROMPT : ' '.repeat(tag.length) + CONTINUATION) + line);
}

/** A numbered notebook cell: the command as typed, then its output blocks. */
export function Cell({ cell, columns }: CellProps) {
  const paint = usePaint();
  return (
    <Box flexDirection="column">
      {cellEcho(cell).map((line, i) => (
        <Text key={i} color={paint('dim')}>
          {line}
        </Text>
      ))}
      {cell.blocks.map((block, i) => (
        <BlockView key={i} block={block} columns={columns} failed={!cell.ok} />
      ))}
    </Box>
  );
}
