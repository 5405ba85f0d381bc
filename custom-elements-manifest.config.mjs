// custom-elements.json: every element's attributes, properties, events and parts, from the source's JSDoc
// (`npm run manifest`; packages/elements/test/manifest.node.test.ts checks the committed file is current).
export default {
  globs: ['packages/elements/src/**/*.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" is written by hand: the freshness test writes elsewhere.
  packagejson: false,
  plugins: [
    {
      // Lit's `state: true` properties and #private fields are internal, not part of the element's API.
      name: 'drop-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        // In path order: the file walk's order differs between checkouts, which made every regeneration a reshuffle.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            if (d.attributes) d.attributes = d.attributes.filter((a) => !a.name.startsWith('_'));
            if (d.members)
              d.members = d.members.filter(
                (m) => !m.name.startsWith('_') && !m.name.startsWith('#') && m.privacy !== 'private',
              );
          }
        }
      },
    },
  ],
};
