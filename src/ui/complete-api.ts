/**
 * The completion engine as the UI sees it (src/complete). One import point, so the editor and
 * its tests do not care where it lives.
 */
export { complete, commonExtension, signatureHint } from '../complete/index.js';
export type { Completion, CompletionContext } from '../complete/index.js';
