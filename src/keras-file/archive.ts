/**
 * The `.keras` zip: `metadata.json`, `config.json` and `model.weights.h5`, as Keras 3's
 * saving_lib writes them (stored, not deflated; the JSON members dated 1980-01-01 as Python's
 * ZipFile.writestr dates them). Reading checks the declared sizes before inflating anything.
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { UserError } from '../core/user-error.js';

export interface KerasArchive {
  readonly metadata: string;
  readonly config: string;
  readonly weights: Uint8Array;
}

/** The sizes beyond which a member is refused unread: far above any Sequential model's. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const MAX_WEIGHTS_BYTES = 2 * 1024 * 1024 * 1024;
const MEMBERS = ['metadata.json', 'config.json', 'model.weights.h5'];

const KERAS_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/** The zip bytes of a `.keras` file. */
export function writeKerasArchive(a: KerasArchive, now: Date): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync(
    {
      'metadata.json': [text(a.metadata), { level: 0, mtime: KERAS_EPOCH }],
      'config.json': [text(a.config), { level: 0, mtime: KERAS_EPOCH }],
      'model.weights.h5': [a.weights, { level: 0, mtime: now }],
    },
    { level: 0 },
  );
}

/** The members of a `.keras` file; throws UserError naming what is missing or wrong. */
export function readKerasArchive(bytes: Uint8Array, label: string): KerasArchive {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new UserError(`${label} is not a .keras file (not a zip archive).`, 'Give a file saved by model.save("model.keras") or by save model FILE.keras.');
  }
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!MEMBERS.includes(f.name)) return false;
        const limit = f.name.endsWith('.json') ? MAX_JSON_BYTES : MAX_WEIGHTS_BYTES;
        if (f.originalSize > limit) throw new UserError(`${label}: ${f.name} declares ${f.originalSize.toLocaleString('en-US')} bytes, more than the ${limit.toLocaleString('en-US')} klayers reads.`, 'This is not a model klayers can hold; check where the file came from.');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${label} is not a readable zip archive (${err instanceof Error ? err.message : String(err)}); it may be truncated.`, 'Save it again from Keras or klayers.');
  }
  for (const name of MEMBERS) {
    if (!files[name]) throw new UserError(`${label} has no ${name}; a .keras file holds metadata.json, config.json and model.weights.h5.`, 'Save it again with model.save("model.keras") (Keras 3).');
  }
  const decode = (name: string) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(files[name]);
    } catch {
      throw new UserError(`${label}: ${name} is not UTF-8 text.`, 'Save it again from Keras or klayers.');
    }
  };
  return { metadata: decode('metadata.json'), config: decode('config.json'), weights: files['model.weights.h5']! };
}
