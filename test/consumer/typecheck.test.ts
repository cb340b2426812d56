/**
 * The README's snippets and test/consumer/projects/*\/checks in fresh React 19, Vue 3 and plain
 * TypeScript projects with the packed kit installed, typechecked as each template's build does.
 * Each project also holds lines that must not compile (a wrong screen, a wrong handler type, …)
 * under `@ts-expect-error` / `@vue-expect-error`: typings loose enough to accept them fail here.
 */
import { expect } from '@open-wc/testing';

import { step, STEP_TIMEOUT, type Typecheck } from './steps.js';

describe('the published package in consumer projects', function () {
  this.timeout(STEP_TIMEOUT);

  for (const [project, what] of [
    ['react', 'React 19 (tsc): the tags in JSX with onsi-* handlers, and the @lit/react wrappers'],
    ['vue', 'Vue 3 (vue-tsc): the tags as GlobalComponents with @si-* events, and the Vite config'],
    ['plain', 'plain TypeScript (tsc): the define entry types the tags and their events'],
  ] as const) {
    it(`typechecks in ${what}; a wrong screen or handler type does not`, async () => {
      const result = await step<Typecheck>(`typecheck:${project}`);
      expect(result.output, `${project} project`).to.equal('');
      expect(result.ok).to.equal(true);
    });
  }
});
