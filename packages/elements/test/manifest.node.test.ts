import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * custom-elements.json documents every element for editors, Storybook and other tools. It must list each
 * registered element with its attributes, events and parts, and be current: regenerating it from the
 * source gives the committed file (run `npm run manifest` after changing an element).
 */
const ROOT = join(import.meta.dirname, '../../..');
const run = promisify(execFile);

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
}
const elements = (manifest: { modules: { declarations?: Declaration[] }[] }) =>
  new Map(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => [d.tagName as string, d]),
  );

describe('custom-elements.json', () => {
  it('is what the analyzer makes from the current source', async () => {
    // The analyzer resolves --outdir against its working directory: write inside the (ignored) cache.
    const out = 'node_modules/.cache/cem-check';
    try {
      await run(
        process.execPath,
        [
          join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
          'analyze',
          '--config',
          'custom-elements-manifest.config.mjs',
          '--outdir',
          out,
        ],
        { cwd: ROOT },
      );
      const fresh = JSON.parse(await readFile(join(ROOT, out, 'custom-elements.json'), 'utf8'));
      const committed = JSON.parse(await readFile(join(ROOT, 'custom-elements.json'), 'utf8'));
      // The analyzer lists modules in whatever order its file walk met them: compare them by path.
      const byPath = (m: { modules: { path: string }[] }) =>
        Object.fromEntries(m.modules.map((mod) => [mod.path, mod]));
      expect(byPath(fresh)).toEqual(byPath(committed));
    } finally {
      await rm(join(ROOT, out), { recursive: true, force: true });
    }
  }, 60_000);

  it('documents every registered element with its public attributes, events and parts', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'custom-elements.json'), 'utf8'));
    // Registered at once (index.ts) or on first use (lazy-elements.ts): both kinds are documented.
    const sources = await Promise.all(
      ['index.ts', 'lazy-elements.ts'].map((f) => readFile(join(ROOT, 'packages/elements/src', f), 'utf8')),
    );
    const registered = sources.flatMap((src) =>
      [...src.matchAll(/^ {2}'(assessment-[\w-]+)':/gm)].map((m) => m[1]),
    );
    const documented = elements(manifest);
    expect([...documented.keys()].sort()).toEqual([...registered].sort());
    const dashboard = documented.get('assessment-dashboard');
    const attrs = dashboard?.attributes?.map((a) => a.name) ?? [];
    for (const a of [
      'src',
      'disclosures',
      'steps',
      'receipts',
      'engine',
      'lang',
      'as-of',
      'asset-base',
      'offline-guard',
    ]) {
      expect(attrs).toContain(a);
    }
    expect(attrs.some((a) => a.startsWith('_'))).toBe(false);
    expect(dashboard?.events?.map((e) => e.name)).toEqual(
      expect.arrayContaining(['ad-ready', 'ad-error', 'ad-filter']),
    );
    expect(documented.get('assessment-watch-list')?.cssParts?.map((p) => p.name)).toEqual([
      'table',
      'filter',
    ]);
  });
});
