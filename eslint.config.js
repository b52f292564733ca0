// ESLint (flat config): the recommended JS, typescript-eslint and React hooks rules, and the
// architecture's import boundaries. Run by `npm run lint` and by `npm test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TF_ONLY_IN_ENGINE_BACKEND = {
  group: ['@tensorflow/*'],
  message: 'tfjs is imported only in src/engine/backend: the engine and its tests import src/engine/backend/tf.js.',
};
const UI_ONLY_IN_UI = {
  group: ['ink', 'ink/*', 'react', 'react/*', 'ink-testing-library'],
  message: 'ink and react are used only in src/ui (and its tests).',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'scripts/keras-golden/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [TF_ONLY_IN_ENGINE_BACKEND, UI_ONLY_IN_UI] }],
      // `_`, `_step`: a value or parameter left unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // The code matches terminal output: ANSI escapes (\x1b) and control characters are the point.
      'no-control-regex': 'off',
      // Comma sequences in loop bodies (`(i++, (grew = true))`) are a deliberate compact style.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['src/engine/backend/**'], // tf.ts (the one tfjs module) and wasm/load.ts (the wasm backend)
    rules: { 'no-restricted-imports': ['error', { patterns: [UI_ONLY_IN_UI] }] },
  },
  {
    files: ['src/ui/**', 'test/ui/**', 'test/e2e/**'],
    ...reactHooks.configs['recommended-latest'],
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'no-restricted-imports': ['error', { patterns: [TF_ONLY_IN_ENGINE_BACKEND] }],
    },
  },
  {
    // A stand-in for @tensorflow/tfjs-node and the module hooks that load it (test/engine/backend.test.ts).
    files: ['test/engine/fixtures/**'],
    languageOptions: { globals: { URL: 'readonly' } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Expected output is written as it looks on screen, aligned columns included.
      'no-regex-spaces': 'off',
      // Number-parsing tests write literals beyond 2^53 on purpose, to check their rounding.
      'no-loss-of-precision': 'off',
    },
  },
);
