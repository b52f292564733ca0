import { OBJECT_FAMILIES, findLayerSpec } from '../layers/index.js';
import { findObjectSpec, type KerasObjectSpec } from '../layers/kinds/keras-objects.js';
import type { LayerSpec } from '../layers/types.js';
import { completeLayerName } from './layer-names.js';
import { completion, matching, nothing } from './match.js';
import { keywordOf, type Frame, type Scan } from './scan.js';
import { keywordOrder } from './signature.js';
import { isNameToken, tokenAt, type Token } from './token.js';
import type { Candidate, Completion } from './types.js';
import { valueCandidates } from './values.js';

/**
 * Completion inside an open bracket: argument names and values of a layer call, parameters of
 * an initializer/regularizer/constraint call, layer names where a layer goes (`model.add(`,
 * `Sequential([`).
 */

/** Where the cursor is within the current argument: at its start (a name) or after `key=`. */
type ArgPosition = { readonly at: 'name' } | { readonly at: 'value'; readonly key: string } | { readonly at: 'other' };

function argPosition(line: string, frame: Frame, token: Token): ArgPosition {
  const head = line.slice(frame.argStart, token.start);
  if (head.trim() === '') return { at: 'name' };
  const key = keywordOf(head);
  if (key !== null && /^\s*[A-Za-z_]\w*\s*=\s*$/.test(head)) return { at: 'value', key };
  return { at: 'other' };
}

/** A layer call's spec when the frame is one (`Dense(`, `layers.Conv2D(`). */
export function frameLayer(frame: Frame): LayerSpec | undefined {
  return frame.open === '(' && frame.callee ? findLayerSpec(frame.callee) : undefined;
}

/** An initializer/regularizer/constraint class called in the frame (`RandomNormal(`). */
export function frameObject(frame: Frame): KerasObjectSpec | undefined {
  if (frame.open !== '(' || !frame.callee) return undefined;
  const name = frame.callee.slice(frame.callee.lastIndexOf('.') + 1);
  for (const family of Object.values(OBJECT_FAMILIES)) {
    const spec = family && findObjectSpec(family, name);
    if (spec && (spec.className === name || spec.callOnlyAliases?.includes(name))) return spec;
  }
  return undefined;
}

/** `model.add(`, or a list given to `Sequential(`, or a list on its own: layers go there. */
function takesLayers(frames: readonly Frame[]): boolean {
  const frame = frames[frames.length - 1]!;
  if (frame.open === '(') return frame.callee !== null && /(^|\.)add$/.test(frame.callee);
  if (frame.open !== '[') return false;
  const parent = frames[frames.length - 2];
  return parent === undefined || (parent.callee !== null && /(^|\.)Sequential$/.test(parent.callee));
}

function keywordCandidates(spec: LayerSpec, frame: Frame): Candidate[] {
  const filled = new Set([...spec.positional.slice(0, frame.positional), ...frame.keywords]);
  return keywordOrder(spec)
    .filter((n) => !filled.has(n))
    .map((n): Candidate => ({ text: `${n}=`, kind: 'argument', detail: spec.args.find((a) => a.name === n)?.doc ?? 'The layer\'s name.' }));
}

function inLayerCall(line: string, cursor: number, spec: LayerSpec, frame: Frame, token: Token): Completion {
  const pos = argPosition(line, frame, token);
  if (pos.at === 'value') {
    const arg = spec.args.find((a) => a.name === pos.key);
    return arg ? completion(token.start, cursor, valueCandidates(arg, token.text, token.closed)) : nothing(cursor);
  }
  if (pos.at !== 'name') return nothing(cursor);
  if (!isNameToken(token.text)) {
    // A quoted value given positionally (`Dense(64, 're`) completes as that argument's value.
    const arg = spec.args.find((a) => a.name === spec.positional[frame.positional]);
    const quoted = token.text.startsWith("'") || token.text.startsWith('"');
    return arg && quoted ? completion(token.start, cursor, valueCandidates(arg, token.text, token.closed)) : nothing(cursor);
  }
  return completion(token.start, cursor, matching(token.text, keywordCandidates(spec, frame)));
}

function inObjectCall(line: string, cursor: number, spec: KerasObjectSpec, frame: Frame, token: Token): Completion {
  const pos = argPosition(line, frame, token);
  if (pos.at === 'value') {
    const param = spec.params.find((p) => p.name === pos.key);
    if (!param?.choices) return nothing(cursor);
    const asArg = { name: param.name, kind: 'choice' as const, default: param.default, doc: '', choices: param.choices };
    return completion(token.start, cursor, valueCandidates(asArg, token.text, token.closed));
  }
  if (pos.at !== 'name' || !isNameToken(token.text)) return nothing(cursor);
  const given = new Set(frame.keywords);
  const params = spec.params.slice(frame.positional).filter((p) => !given.has(p.name));
  return completion(token.start, cursor, matching(token.text, params.map((p): Candidate => ({ text: `${p.name}=`, kind: 'argument' }))));
}

/** Completion when at least one bracket is open at the cursor. */
export function completeInCall(line: string, cursor: number, scan: Scan): Completion {
  const frame = scan.frames[scan.frames.length - 1]!;
  const token = tokenAt(line, cursor, scan);
  const layer = frameLayer(frame);
  if (layer) return inLayerCall(line, cursor, layer, frame, token);
  const object = frameObject(frame);
  if (object) return inObjectCall(line, cursor, object, frame, token);
  if (takesLayers(scan.frames) && argPosition(line, frame, token).at === 'name' && isNameToken(token.text)) {
    return completeLayerName(token.text, token.start, cursor) ?? nothing(cursor);
  }
  return nothing(cursor);
}
