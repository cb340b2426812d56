// Lint: typescript-eslint (type-aware), Lit and web-component rules, lit-a11y for templates, and the
// one-way layering of src/ (api → flow → components → app).
import litPlugin from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wcPlugin from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

const layer = (from, banned, message) => ({
  files: [from],
  rules: {
    'no-restricted-imports': ['error', { patterns: banned.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', '.tmp/**', 'node_modules/**', 'src/generated/**', 'test/consumer/projects/**', 'test/consumer/snippets/**', 'storybook-static/**', '**/*.mjs', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { lit: litPlugin, wc: wcPlugin, 'lit-a11y': litA11y },
    rules: {
      ...litPlugin.configs.recommended.rules,
      ...wcPlugin.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'wc/guard-super-call': 'off',
    },
  },
  layer('src/api/**', ['lit', 'lit/*', '@lit/*', '**/flow/*', '**/components/*', '**/app/*'], 'src/api has no Lit and no UI.'),
  layer('src/flow/**', ['lit', 'lit/*', '@lit/*', '**/components/*', '**/app/*'], 'src/flow has no Lit and no UI.'),
  layer('src/components/**', ['**/app/*', '**/emulator/*'], 'Components do not depend on the app or the emulator.'),
  layer('src/app/**', ['**/components/*', '**/flow/*', '**/api/*', '**/emulator/*'], 'The hosted page uses only the public API (src/index.ts).'),
  {
    files: ['test/**', 'stories/**', 'src/emulator/**', '.storybook/**', 'vite.config.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // chai's typings (through @open-wc/testing) make every assertion look thenable.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
