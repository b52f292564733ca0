import { Text } from 'ink';
import { useContext } from 'react';
import stringWidth from 'string-width';
import { renderBlockText } from '../../render/block-text.js';
import type { Block, TableBlock } from '../../render/blocks.js';
import { tableLines, type TableRun } from '../../render/table.js';
import { ColorContext, usePaint, type Paint } from '../colors.js';
import { highlightRuns } from '../highlight.js';
import { wrapIndented } from '../wrap.js';

export interface BlockViewProps {
  readonly block: Block;
  readonly columns: number;
  /** The command failed: its text (a syntax error with a caret) reads as an error too. */
  readonly failed?: boolean;
}

/** Plain text painted by what it reads like: shapes and parameter counts. */
function Highlighted({ text, paint }: { text: string; paint: (kind: Paint) => string | undefined }) {
  return (
    <>
      {highlightRuns(text).map((run, i) =>
        run.kind === 'plain' ? run.text : (
          <Text key={i} color={paint(run.kind === 'shape' ? 'shape' : 'params')}>
            {run.text}
          </Text>
        ),
      )}
    </>
  );
}

/** One table run painted by its place: header cells bold, shape and parameter columns in their colours, text cells and notes as plain text. */
function TableRunView({ run, paint, bold }: { run: TableRun; paint: (kind: Paint) => string | undefined; bold: boolean }) {
  if (run.role === 'header') return <Text bold={bold}>{run.text}</Text>;
  if (run.role === 'rule' || run.role === 'gap') return <>{run.text}</>;
  const kind = run.role === 'cell' ? (run.column?.kind ?? 'text') : 'text';
  if (kind === 'text') return <Highlighted text={run.text} paint={paint} />;
  // The colour covers the value, not the padding around it.
  const [, before = '', value = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(run.text) ?? [];
  const color = kind === 'shape' && value.startsWith('(') ? paint('shape') : kind === 'params' && /^\d[\d,]*$/.test(value) ? paint('params') : undefined;
  if (color === undefined) return <>{run.text}</>;
  return (
    <>
      {before}
      <Text color={color}>{value}</Text>
      {after}
    </>
  );
}

/** A table block laid out at the width, painted by its structure; null when a line is wider than the terminal (then it wraps as text). */
function TableView({ table, columns, paint, bold }: { table: TableBlock; columns: number; paint: (kind: Paint) => string | undefined; bold: boolean }) {
  let lines: ReturnType<typeof tableLines>;
  try {
    lines = tableLines(table, columns);
  } catch {
    return null; // renderBlockText says what failed
  }
  if (lines.some((runs) => stringWidth(runs.map((r) => r.text).join('')) > columns)) return null;
  return (
    <Text>
      {lines.map((runs, i) => (
        <Text key={i}>
          {i > 0 ? '\n' : ''}
          {runs.map((run, j) => (
            <TableRunView key={j} run={run} paint={paint} bold={bold} />
          ))}
        </Text>
      ))}
    </Text>
  );
}

/**
 * One output block, as the same text replay prints (summary tables at the terminal width),
 * wrapped at spaces under its own indentation when wider than the terminal, and painted: errors red, warnings yellow, shapes and parameter counts in their own colours.
 * Table blocks are painted by their structure (header row, shape and parameter columns) when they fit the terminal.
 */
export function BlockView({ block, columns, failed = false }: BlockViewProps) {
  const paint = usePaint();
  const colors = useContext(ColorContext);
  if (block.kind === 'table') {
    const view = TableView({ table: block, columns, paint, bold: colors });
    if (view) return view;
  }
  const text = renderBlockText(block, columns);
  // Summary tables are already sized to the width; prose wraps under its own indentation.
  const body = block.kind === 'summary' ? text : wrapIndented(text, columns);
  if (block.kind === 'error' || (failed && block.kind === 'text')) return <Text color={paint('error')}>{body}</Text>;
  if (block.kind === 'warning') return <Text color={paint('warning')}>{body}</Text>;
  return (
    <Text>
      <Highlighted text={body} paint={paint} />
    </Text>
  );
}
