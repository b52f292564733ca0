/**
 * `backend auto` chosen by measurement: before a fit of an architecture not measured yet (in
 * this process or, through the per-user cache, an earlier one), a few training steps are timed
 * on each backend that can train it, on a throwaway copy (./time-steps.ts), and the fastest is
 * recorded for backend.ts's `chooseTrainingBackend` to switch to. An explicit `backend NAME`
 * skips all of this.
 */
import type { ModelPlan } from '../../layers/types.js';
import type { ResolvedCompile, SplitData } from '../../core/training.js';
import { autoChosen, loadTf, nativeLoaded, switchBackend, type BackendName } from '../backend/backend.js';
import { recordMeasuredChoice } from '../backend/measured-choice.js';
import { wasmTrainingBlockers } from '../backend/wasm/support.js';
import { cacheKey, readCachedPick, writeCachedPick } from './cache.js';
import { formatStepsPerSecond, pickFastest, PREFERENCE, type Measured, type Pick, type Unmeasured } from './pick.js';
import { firstRows, measurementBatch, timeTrainingSteps, type StepBatch } from './time-steps.js';

/** What the measurement needs from a fit. */
export interface MeasureRequest {
  readonly plan: ModelPlan;
  readonly compile: ResolvedCompile;
  readonly train: SplitData;
  readonly batchSize: number;
}

/** What a timing gives the choice. */
type Rate = Readonly<{ stepsPerSecond: number }>;

/** Times steps on the backend `name` (already switched to); tests inject made-up timings. */
export type StepTimer = (name: BackendName, plan: ModelPlan, compile: ResolvedCompile, batch: StepBatch) => Promise<Rate>;

const realTimer: StepTimer = (_name, plan, compile, batch) => timeTrainingSteps(plan, compile, batch);
let timer: StepTimer = realTimer;

/** Replaces the step timer (null: the real one) and forgets this process's picks (tests). */
export function useStepTimer(next: StepTimer | null): void {
  timer = next ?? realTimer;
  picks.clear();
}

/** Picks made in this process, by cache key. */
const picks = new Map<string, Pick>();

/** The backends `auto` could train `plan` on, and those it cannot, with why. */
function candidatesFor(plan: ModelPlan, native: boolean, fitsOn: (name: BackendName) => boolean): { candidates: BackendName[]; unmeasured: Unmeasured[] } {
  const candidates: BackendName[] = [];
  const unmeasured: Unmeasured[] = [];
  const blockers = wasmTrainingBlockers(plan);
  for (const name of PREFERENCE) {
    if (name === 'tensorflow' && !native) unmeasured.push({ name, why: 'not set up (klayers native setup)' });
    else if (name === 'wasm' && blockers.length > 0) unmeasured.push({ name, why: `cannot train ${blockers.join(', ')}` });
    else if (!fitsOn(name)) unmeasured.push({ name, why: 'the model does not fit in its memory' });
    else candidates.push(name);
  }
  return { candidates, unmeasured };
}

/**
 * Rounds of timings, the backends taking turns, each keeping its best: the machine's load comes and
 * goes (on a shared 2-core machine one round timed native TensorFlow at half its speed and picked
 * wasm for Conv8), and the JavaScript all backends share (klayers' training loop) runs faster once
 * compiled, which in a single pass favours whichever backend is timed last. A backend whose one-row
 * steps, or whose best so far, are under a HOPELESS share of the fastest cannot win and is not timed
 * (further) at the full batch: the cpu backend on a convnet takes a minute a step at batch 128.
 */
const ROUNDS = 3;
const HOPELESS = 4;

type Time = (name: BackendName, batch: StepBatch) => Promise<Rate>;

async function measureInRounds(candidates: readonly BackendName[], unmeasured: Unmeasured[], time: Time, batch: StepBatch): Promise<Measured[]> {
  const best = new Map<BackendName, number>();
  const fastest = () => Math.max(0, ...best.values());
  const failed = (name: BackendName, error: unknown) => {
    unmeasured.push({ name, why: `failed (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})` });
    best.delete(name);
  };
  for (const name of candidates) {
    if (!(await switchBackend(name))) {
      unmeasured.push({ name, why: 'could not start' });
      continue;
    }
    try {
      // A step of one row is no slower than a step of the batch: when even that is hopeless, the full batch is not timed.
      if (best.size > 0 && batch.rows > 1) {
        const one = (await time(name, firstRows(batch, 1))).stepsPerSecond;
        if (one * HOPELESS < fastest()) {
          unmeasured.push({ name, why: `too slow to time at this batch (${formatStepsPerSecond(one)} steps/s on one row)` });
          continue;
        }
      }
      best.set(name, (await time(name, batch)).stepsPerSecond);
    } catch (error) {
      failed(name, error);
    }
  }
  for (let round = 1; round < ROUNDS; round++) {
    for (const name of candidates.filter((n) => best.has(n) && best.get(n)! * HOPELESS >= fastest())) {
      try {
        if (!(await switchBackend(name))) continue;
        best.set(name, Math.max(best.get(name)!, (await time(name, batch)).stepsPerSecond));
      } catch (error) {
        failed(name, error);
      }
    }
  }
  return candidates.filter((name) => best.has(name)).map((name) => ({ name, stepsPerSecond: best.get(name)! }));
}

/**
 * Under `auto`, makes sure `request.plan`'s architecture has a measured backend before it is
 * fitted: from this process, the cache, or by timing steps now. `fitsOn` says whether the fit
 * fits in a backend's memory (the session's budget). Never throws for a backend that fails: it
 * is left out, and when none could be measured the capability rule of backend.ts decides.
 */
export async function measureBackendForFit(request: MeasureRequest, fitsOn: (name: BackendName) => boolean = () => true): Promise<void> {
  if (!autoChosen()) return;
  const tf = await loadTf();
  const { plan, compile } = request;
  const { candidates, unmeasured } = candidatesFor(plan, nativeLoaded(tf), fitsOn);
  const batch = measurementBatch(request.train, request.batchSize);
  const key = cacheKey(plan, batch.rows, candidates);
  let pick = picks.get(key) ?? cached(key);
  if (!pick) {
    pick = pickFastest(await measureInRounds(candidates, unmeasured, (name, timed) => timer(name, plan, compile, timed), batch), unmeasured, batch.rows);
    if (!pick) return;
    await writeCachedPick(key, pick);
  }
  picks.set(key, pick);
  recordMeasuredChoice(plan, pick);
}

/** The pick an earlier process measured, said to be cached. */
function cached(key: string): Pick | null {
  const pick = readCachedPick(key);
  return pick && { name: pick.name, reason: `${pick.reason} (measured earlier, cached)` };
}
