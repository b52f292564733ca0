/**
 * The backends `auto` measured, remembered per architecture (the layer plan without its names),
 * so a later fit of the same architecture, or the memory check before it, uses the same choice
 * without measuring again. The measuring is done by src/engine/auto; this store is all
 * backend.ts needs to know of it.
 */
import type { ModelPlan } from '../../layers/types.js';
import type { BackendName } from './backend.js';

/** What `auto` trains an architecture on, and why (the measured steps/s). */
export interface MeasuredChoice {
  readonly name: BackendName;
  readonly reason: string;
}

const choices = new Map<string, MeasuredChoice>();

/**
 * The architecture of `plan` as text: its input, each layer's class and arguments, in order.
 * Names are left out (renaming a layer does not change its speed); arguments are kept whole.
 */
export function architectureKey(plan: ModelPlan): string {
  return JSON.stringify([plan.inputShape, plan.inputDtype, plan.layers.map((l) => [l.className, l.args])]);
}

/** Remembers that `plan`'s architecture trains on `choice` under `auto`. */
export function recordMeasuredChoice(plan: ModelPlan, choice: MeasuredChoice): void {
  choices.set(architectureKey(plan), choice);
}

/** The measured choice for `plan`'s architecture, if one was made in this process. */
export function measuredChoice(plan: ModelPlan): MeasuredChoice | undefined {
  return choices.get(architectureKey(plan));
}

/** Forgets every measured choice (tests). */
export function forgetMeasuredChoices(): void {
  choices.clear();
}
