import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CompletionContext } from '../../src/complete/index.js';
import { completeAt, texts } from './helpers.js';

let root = '';
let ctx: CompletionContext;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'klayers-complete-'));
  mkdirSync(join(root, 'sessions'));
  mkdirSync(join(root, 'sessions', 'mnist'));
  writeFileSync(join(root, 'sessions', 'mnist.klayers'), '');
  writeFileSync(join(root, 'sessions', 'iris.klayers'), '');
  writeFileSync(join(root, 'sessions', '.hidden'), '');
  mkdirSync(join(root, 'home'));
  writeFileSync(join(root, 'home', 'notes.txt'), '');
  writeFileSync(join(root, 'my data.csv'), '');
  symlinkSync(join(root, 'sessions'), join(root, 'linked'));
  ctx = { layerNames: [], layerCount: 0, cwd: root, home: join(root, 'home') };
});

after(() => rmSync(root, { recursive: true, force: true }));

test('paths complete relative to the session directory; directories end with /', () => {
  assert.deepEqual(texts('replay ses', ctx), ['sessions/']);
  assert.deepEqual(texts('replay sessions/', ctx), ['sessions/iris.klayers', 'sessions/mnist/', 'sessions/mnist.klayers']);
  assert.deepEqual(texts('load sessions/mn', ctx), ['sessions/mnist/', 'sessions/mnist.klayers']);
  assert.deepEqual(texts('replay li', ctx), ['linked/'], 'a symlink to a directory is a directory');
  const { result } = completeAt('replay sessions/mn', ctx);
  assert.equal(result.from, 'replay '.length);
  assert.deepEqual(result.candidates.map((c) => c.display), ['mnist/', 'mnist.klayers']);
  assert.equal(result.candidates[0]!.kind, 'path');
});

test('hidden files only when the typed name starts with a dot', () => {
  assert.ok(!texts('replay sessions/', ctx).includes('sessions/.hidden'));
  assert.deepEqual(texts('replay sessions/.', ctx), ['sessions/.hidden']);
});

test('~ is the home directory and stays ~ in the line', () => {
  assert.deepEqual(texts('replay ~', ctx), ['~/']);
  assert.deepEqual(texts('replay ~/no', ctx), ['~/notes.txt']);
});

test('every path command completes paths; a name with a space is quoted, a typed quote kept', () => {
  for (const cmd of ['replay', 'load', 'save', 'export', 'run']) assert.deepEqual(texts(`${cmd} ses`, ctx), ['sessions/'], cmd);
  assert.deepEqual(texts('load my', ctx), ["'my data.csv'"]);
  assert.deepEqual(texts("load 'sessions/ir", ctx), ["'sessions/iris.klayers'"]);
  assert.deepEqual(texts('load "sessions/ir', ctx), ['"sessions/iris.klayers"']);
  assert.deepEqual(texts('replay nothing/here', ctx), []);
});

test('in this repository: replay test/e offers the e2e folder', () => {
  const here = { layerNames: [], layerCount: 0, cwd: process.cwd() };
  assert.ok(texts('replay test/e', here).includes('test/e2e/'));
  assert.ok(texts('replay test/e', here).every((t) => t.startsWith('test/e') && t.endsWith('/')));
});

test('a path word may hold any characters the shell would keep', () => {
  writeFileSync(join(root, 'iris-v2+raw.csv'), '');
  assert.deepEqual(texts('load iris-v', ctx), ['iris-v2+raw.csv']);
});
