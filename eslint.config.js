// Lint rules that keep the process boundaries honest: the renderer reaches main only through
// the typed bridge, and plain-Node core code never touches Electron.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/security/electronegativity/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*'], message: 'The renderer reaches main only through renderer/src/bridge.ts.' },
            {
              // Except the few core modules written to be bundled as they are: pure, importing nothing of Node.
              regex: '(^|/)main/(?!core/annotations/(plainText|segments)$|core/import/html/(articleBlocks|articleAllowList)$|core/archive/recoveryNotice$)',
              message: 'The renderer reaches main only through renderer/src/bridge.ts.',
            },
            { group: ['**/preload/contract'], allowTypeImports: true, message: 'Import the contract with `import type` only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/cli/**/*.ts', 'main/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Core code runs in plain Node; Electron glue lives in main/electron.' }] }],
    },
  },
  {
    // Tool configs must default-export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
