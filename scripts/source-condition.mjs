// Monorepo development: workspace packages resolve to their TypeScript source through this export
// condition (see packages/*/package.json); installed packages resolve to dist/. Vite, Vitest and
// Storybook add it to their resolve conditions, tsconfig.json to `customConditions`, and this file is
// also a Node resolve hook (scripts/cli.mjs) that adds it for the CLI run from source.
export const SOURCE_CONDITION = 'assessment-dashboard-source';

export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, SOURCE_CONDITION] });
}
