/**
 * custom-elements.json for the kit's elements, from the JSDoc on their classes (@tagname, @attr,
 * @csspart, @cssprop, @fires, @slot) and their Lit properties. `npm run analyze` writes it to
 * dist/lib, and so does `npm run build:lib` (vite.config.ts); package.json's `customElements`
 * points there. Storybook runs the same analysis for its docs (.storybook/main.ts).
 *
 * The manifest describes the package as published: every class is exported by
 * `dist/lib/index.js`, and `dist/lib/define.js` registers the tags.
 */

const INDEX = 'dist/lib/index.js';
const DEFINE = 'dist/lib/define.js';

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

export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: 'dist/lib',
  litelement: true,
  packagejson: false,
  plugins: [publicApiOnly()],
};
