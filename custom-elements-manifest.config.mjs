/**
 * custom-elements.json for the kit's elements, from the JSDoc on their classes (@tagname, @attr,
 * @csspart, @cssprop, @fires, @slot) and their Lit properties, and from it the editor and
 * framework data the package ships (all in dist/lib):
 *
 * - `custom-elements.json`, with aliases of unions expanded (`screen` reads `'sign-in' | 'register' |
 *   …`, not `FirstScreen`) by @wc-toolkit/type-parser;
 * - `frameworks/jsx.d.ts` (a `CustomElements` type for any JSX), `frameworks/react-jsx.d.ts` (it,
 *   in React 19's `JSX.IntrinsicElements`) and `frameworks/vue.d.ts` (Vue's `GlobalComponents`):
 *   typed attributes, properties and `onsi-*` handlers;
 * - `vscode.html-custom-data.json`, `vscode.css-custom-data.json` (VS Code custom data) and
 *   `web-types.json` (JetBrains).
 *
 * `npm run analyze` writes them, and so does `npm run build:lib` (vite.config.ts); package.json's
 * `customElements` and `web-types` point there. Storybook runs the same analysis for its docs
 * (.storybook/main.ts).
 *
 * The manifest describes the package as published: every class is exported by
 * `dist/lib/index.js`, and `dist/lib/define.js` registers the tags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { getTsProgram, typeParserPlugin } from '@wc-toolkit/type-parser';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

const OUT = 'dist/lib';
const INDEX = `${OUT}/index.js`;
const DEFINE = `${OUT}/define.js`;

/**
 * Only what a user of the package can reach: public members, named events, element classes.
 * Fields without a doc comment are left out too: the kit documents every public property, and the
 * analyzer mistakes assignments such as `this.#fields.slot = 'form'` for fields of the element.
 */
function publicApiOnly() {
  const isPublic = (member) =>
    (!member.privacy || member.privacy === 'public') &&
    !member.name.startsWith('#') &&
    !member.static &&
    (member.kind !== 'field' || Boolean(member.description));
  return {
    name: 'sign-in-kit:public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      const elements = customElementsManifest.modules
        .flatMap((module) => module.declarations ?? [])
        .filter((declaration) => declaration.customElement && declaration.tagName);
      for (const element of elements) {
        // Internal reactive state (`state: true` in `static properties`) is no attribute either.
        const hidden = new Set((element.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name));
        element.attributes = (element.attributes ?? []).filter((attribute) => !hidden.has(attribute.fieldName));
        element.members = (element.members ?? []).filter(isPublic);
        // Events found in the code without a name duplicate the documented @fires entries.
        element.events = (element.events ?? []).filter((event) => event.name);
      }
      customElementsManifest.modules = [
        {
          kind: 'javascript-module',
          path: INDEX,
          declarations: elements,
          exports: elements.map((element) => ({
            kind: 'js',
            name: element.name,
            declaration: { name: element.name, module: INDEX },
          })),
        },
        {
          kind: 'javascript-module',
          path: DEFINE,
          declarations: [],
          exports: elements.map((element) => ({
            kind: 'custom-element-definition',
            name: element.tagName,
            declaration: { name: element.name, module: INDEX },
          })),
        },
      ];
    },
  };
}

/** The files analysed: one folder per element, without the style modules. */
const ELEMENT_FILE = /\/src\/components\/[^/]+\/(?![^/]*\.styles\.ts$)[^/]+\.ts$/;

/**
 * A type the type parser expanded (`parsedType`) replaces the alias name in `type` when it is a
 * union of literals (`FirstScreen` → `'sign-in' | 'register' | …`), which editors and Storybook
 * offer as choices. Object types keep their names: spelled out, a class or a schema's type is
 * longer than useful and loses its methods.
 */
function expandedUnions() {
  const literal = String.raw`(?:'[^']*'|-?\d+(?:\.\d+)?|true|false|null|undefined|string|number|boolean)`;
  const union = new RegExp(String.raw`^${literal}(?: \| ${literal})*$`);
  return {
    name: 'sign-in-kit:expanded-unions',
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        for (const item of [...(element.attributes ?? []), ...(element.members ?? []), ...(element.events ?? [])]) {
          if (item.parsedType && union.test(item.parsedType.text)) item.type = item.parsedType;
          delete item.parsedType;
        }
      }
    },
  };
}

/**
 * The manifest as the JSX and Vue generators should read it. They write each attribute's and
 * property's type as `<Class>['<field>']`, with the class from `framework-types.ts`, and each
 * handler as `(e: CustomEvent<<event type>>) => void`:
 * - an attribute the element reads without a property (`captcha-script`) gets the field name
 *   `framework-types.ts` gives it; `data-*` attributes are the element's output, and JSX and Vue
 *   accept any `data-*` attribute anyway; read-only properties are left out;
 * - an event's type becomes its detail (`SiSuccessEvent` → `SiSuccessEventDetail`), as an inline
 *   `import()` type: the generators would import a type shared by two elements twice;
 * - for Vue, names are written as vue-tsc looks them up: an attribute's in camel case (it reads
 *   `app-id="…"` as the prop `appId`), and an event's so that the handler prop comes out as
 *   `onSiSuccess` for `@si-success` (the generator writes `on` + the event's name).
 */
function forFrameworks(manifest, typesPath, { vue = false } = {}) {
  const copy = structuredClone(manifest);
  const camel = (name) => name.replace(/-([a-z])/g, (_match, letter) => letter.toUpperCase());
  for (const element of copy.modules.flatMap((module) => module.declarations ?? [])) {
    element.attributes = (element.attributes ?? [])
      .filter((attribute) => !attribute.name.startsWith('data-'))
      .map((attribute) => ({
        ...attribute,
        name: vue ? camel(attribute.name) : attribute.name,
        fieldName: attribute.fieldName ?? camel(attribute.name),
      }));
    element.members = (element.members ?? []).filter((member) => !member.readonly);
    for (const event of element.events ?? []) {
      if (event.type?.text) event.type = { text: `import("${typesPath}").${event.type.text}Detail` };
      if (vue) event.name = camel(`-${event.name}`);
    }
  }
  return copy;
}

/** React 19 reads JSX element types from `React.JSX`; this puts the kit's tags there. */
const REACT_JSX = `/**
 * Types <sign-in-form>, <social-buttons> and <qr-sign-in> in React 19 JSX: their attributes and
 * properties, and their si-* events as \`onsi-*\` handlers. Import it once, for its types:
 * \`import type {} from 'logto-sign-in-kit/react-jsx';\`
 */
import type { CustomElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;

function frameworkTypings() {
  return {
    name: 'sign-in-kit:framework-typings',
    packageLinkPhase({ customElementsManifest }) {
      const typesPath = '../types/framework-types.js';
      const options = { outdir: `${OUT}/frameworks`, globalTypePath: typesPath, hideLogs: true };
      generateJsxTypes(forFrameworks(customElementsManifest, typesPath), { ...options, fileName: 'jsx.d.ts' });
      generateVuejsTypes(forFrameworks(customElementsManifest, typesPath, { vue: true }), { ...options, fileName: 'vue.d.ts' });
      mkdirSync(`${OUT}/frameworks`, { recursive: true });
      writeFileSync(`${OUT}/frameworks/react-jsx.d.ts`, REACT_JSX);
    },
  };
}

export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: OUT,
  litelement: true,
  packagejson: false,
  // A program with the type checker, so that the type parser can expand aliases.
  overrideModuleCreation({ ts, globs }) {
    const program = getTsProgram(ts, globs, 'tsconfig.build.json');
    return program.getSourceFiles().filter((file) => ELEMENT_FILE.test(file.fileName));
  },
  plugins: [
    typeParserPlugin(),
    expandedUnions(),
    publicApiOnly(),
    frameworkTypings(),
    customElementVsCodePlugin({ outdir: OUT, hideLogs: true }),
    customElementJetBrainsPlugin({ outdir: OUT, hideLogs: true, packageJson: false }),
  ],
};
