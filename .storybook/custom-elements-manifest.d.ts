/** The kit's custom-elements.json, served by the plugin in .storybook/main.ts. */
declare module 'virtual:custom-elements-manifest' {
  const manifest: object;
  export default manifest;
}
