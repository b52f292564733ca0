/**
 * The layering the README draws, checked on the source: folders of src/ import each other
 * downwards only (type imports count), and the heavy libraries stay in their own folders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repoRoot } from '../helpers/repo-root.js';

const SRC = join(repoRoot(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every module a file names: static, type-only, re-exports and dynamic imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g);
  return [...found].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** `engine` for src/engine/train/fit.ts, `(root)` for src/cli.ts; within a folder, its sub-folder. */
function folderOf(path: string, base: string): string {
  const parts = relative(base, path).split(sep);
  return parts.length > 1 ? parts[0]! : '(root)';
}

function folderGraph(base: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(base)) {
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (relative(base, target).startsWith('..')) continue;
      const from = folderOf(file, base);
      const to = folderOf(target, base);
      if (from === to) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** A cycle as `a -> b -> a`, or null. */
function findCycle(graph: Map<string, Set<string>>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node].join(' -> ');
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

test('the folders of src/ import each other without a cycle, type imports included', () => {
  const graph = folderGraph(SRC);
  assert.ok(graph.get('commands')?.has('model'), 'the scan sees imports (commands use the model)');
  assert.equal(findCycle(graph), null);
});

test('inside src/engine and src/data, sub-folders import without a cycle and never the files above them', () => {
  for (const folder of ['engine', 'data']) {
    const base = join(SRC, folder);
    const graph = folderGraph(base);
    assert.equal(findCycle(graph), null, `${folder}: ${findCycle(graph)}`);
    const upward = [...graph].filter(([from, to]) => from !== '(root)' && to.has('(root)')).map(([from]) => from);
    assert.deepEqual(upward, [], `${folder}: sub-folders importing ${folder}/*.ts`);
  }
});

test('a cycle is found when there is one (the check itself can fail)', () => {
  const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]);
  assert.equal(findCycle(graph), 'a -> b -> c -> a');
});

test('tfjs is imported only in src/engine, ink and react only in src/ui, and the engine only through the session', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const where = relative(SRC, file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('@tensorflow/') && !where.startsWith(`engine${sep}`)) offenders.push(`${where}: ${spec}`);
      if (/^(ink|react)(\/|$)/.test(spec) && !where.startsWith(`ui${sep}`)) offenders.push(`${where}: ${spec}`);
      const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : '';
      if (target === join('engine', 'index.js') && where !== join('session', 'engine-handle.ts')) offenders.push(`${where}: ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
