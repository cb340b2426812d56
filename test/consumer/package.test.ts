/**
 * The package as `npm pack` makes it (test/consumer/run.mjs, through the test server): what the
 * tarball holds, what its exports map resolves once installed, and the README's snippets, which
 * must be the files the consumer projects compile (typecheck.test.ts).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

import { type InstalledPackage, type Packed, step, STEP_TIMEOUT } from './steps.js';

describe('the published package', function () {
  this.timeout(STEP_TIMEOUT);
  let packed: Packed;

  before(async () => {
    packed = await step<Packed>('pack');
  });

  it('is lean: the library, its types and editor data; no source maps, tests or sources', () => {
    const unexpected = packed.files.filter(
      (file) => !/^(package\.json|README\.md|LICENSE|dist\/lib\/.+\.(js|d\.ts|json))$/.test(file) || file.endsWith('.map'),
    );
    expect(unexpected).to.deep.equal([]);
    expect(packed.files).to.include.members([
      'LICENSE',
      'dist/lib/index.js',
      'dist/lib/define.js',
      'dist/lib/react.js',
      'dist/lib/browser/sign-in-kit.js',
      'dist/lib/types/define.d.ts',
      'dist/lib/custom-elements.json',
      'dist/lib/frameworks/jsx.d.ts',
      'dist/lib/frameworks/react-jsx.d.ts',
      'dist/lib/frameworks/vue.d.ts',
      'dist/lib/vscode.html-custom-data.json',
      'dist/lib/vscode.css-custom-data.json',
      'dist/lib/web-types.json',
    ]);
    expect(packed.size, 'packed bytes').to.be.below(500_000);
  });

  it('bundles no dependency into the library build (libphonenumber-js is imported, not copied)', () => {
    expect(packed.files.filter((file) => /^dist\/lib\/[^/]*mobile/.test(file))).to.deep.equal([]);
  });

  it('has every README snippet verbatim, from the files the consumer projects compile', async () => {
    expect(await executeServerCommand<string[], undefined>('consumer-readme')).to.deep.equal([]);
  });

  it('exports custom-elements.json, web-types.json and package.json, and its manifest shows unions', async () => {
    const installed = await step<InstalledPackage>('package');
    for (const [path, resolved] of Object.entries(installed.resolved)) {
      expect(resolved, path).to.match(/node_modules\/logto-sign-in-kit\//);
    }
    expect(installed.webTypes).to.equal('./dist/lib/web-types.json');
    expect(installed.attributes['sign-in-form']?.screen).to.include("'sign-in' | 'register' | 'forgot-password'");
    expect(installed.attributes['sign-in-form']?.theme).to.equal("'light' | 'dark' | 'auto'");
    expect(installed.attributes['qr-sign-in']?.status).to.equal("'loading' | 'ready' | 'expired' | 'failed'");
    expect(installed.htmlProblems, 'the README HTML snippets against the manifest').to.deep.equal([]);
    expect(installed.dependencies).to.include.members(['lit', '@lit/localize', 'zod', 'libphonenumber-js', '@lit/react', 'react']);
  });
});
