import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../test/fixtures/small.ts';
import '../packages/elements/src/index.ts';

/**
 * The embeddable dashboard. `/data/*` is the repo's `data/` folder and `/duckdb/` holds the four
 * DuckDB-WASM files, both served by Storybook (see .storybook/main.ts): nothing comes from a CDN.
 */
interface DashboardArgs {
  src?: string;
  disclosures?: string;
  lang?: string;
  asOf?: string;
  assetBase?: string;
  /** Large type: multiplies every font size (the `font-scale` attribute). */
  fontScale?: string;
}

const ASSET_BASE = '/duckdb/';

/** CSV text as a same-origin blob URL, as a host page would pass an in-memory export. */
const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/csv' }));

let small: { cases: string; disclosures: string; headerOnly: string } | undefined;
/** Created on first use and reused, so re-rendering a story does not leak blob URLs. */
const smallUrls = () =>
  (small ??= {
    cases: blobUrl(SMALL_CASES),
    disclosures: blobUrl(SMALL_DISCLOSURES),
    headerOnly: blobUrl(`${SMALL_CASES.split('\n')[0] ?? ''}\n`),
  });

/** Empty strings count as unset, so clearing a control removes the attribute. */
const renderDashboard = (
  { src, disclosures, lang, asOf, assetBase, fontScale }: DashboardArgs,
  onReady?: (e: Event) => void,
) =>
  html`<assessment-dashboard
    src=${ifDefined(src || undefined)}
    disclosures=${ifDefined(disclosures || undefined)}
    lang=${ifDefined(lang || undefined)}
    as-of=${ifDefined(asOf || undefined)}
    asset-base=${ifDefined(assetBase || undefined)}
    font-scale=${ifDefined(fontScale || undefined)}
    @ad-ready=${ifDefined(onReady)}
  ></assessment-dashboard>`;

const meta = {
  title: 'Elements/assessment-dashboard',
  component: 'assessment-dashboard',
  render: (args) => renderDashboard(args),
  argTypes: {
    src: { control: 'text', description: 'Cases export URL (dataset detected from headers)' },
    disclosures: { control: 'text', description: 'Proactive-disclosure export URL' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    asOf: { name: 'as-of', control: 'text', description: 'YYYY-MM-DD; default: latest in data' },
    assetBase: { name: 'asset-base', control: 'text', description: 'Folder of the DuckDB files' },
    fontScale: { name: 'font-scale', control: 'inline-radio', options: ['', '1.5', '2'] },
  },
  // No `lang` by default: the element follows the page language (the Language toolbar).
  args: { assetBase: ASSET_BASE },
  parameters: { layout: 'padded' },
} satisfies Meta<DashboardArgs>;

export default meta;
type Story = StoryObj<DashboardArgs>;

/** The synthetic county exports in `data/` (50,000 cases, 6,000 disclosures), in Chinese. */
export const Default: Story = {
  args: { src: '/data/cases.csv', disclosures: '/data/disclosures.csv', lang: 'zh-CN' },
};

export const English: Story = {
  args: { ...Default.args, lang: 'en' },
};

/** The hand-checked fixture of the tests: 上网办理率 6/10, 网上办结率 3/10, 办结率 6/8, 超期件 3. */
export const SmallFixture: Story = {
  args: { asOf: '2025-03-15' },
  render: (args) => {
    const urls = smallUrls();
    return renderDashboard({ ...args, src: urls.cases, disclosures: urls.disclosures });
  },
};

/** The cases file does not exist: the fetch fails with HTTP 404 and the element offers a retry. */
export const LoadError: Story = {
  name: 'Error',
  args: { src: '/data/missing.csv' },
};

/** No `src` at all: the element explains which attribute to set. */
export const NoSource: Story = {
  name: 'Empty (no src)',
  args: {},
};

/** A cases file with its header row only: nothing to compute. */
export const EmptyFile: Story = {
  args: { asOf: '2025-03-15' },
  render: (args) => renderDashboard({ ...args, src: smallUrls().headerOnly }),
};

/**
 * While the files load: a progress bar with the file name and a Cancel button, then the engine start.
 * (The state passes once the small fixture is in; `npm test` checks it right after the first render.)
 */
export const Loading: Story = {
  args: { asOf: '2025-03-15' },
  render: (args) => renderDashboard({ ...args, src: smallUrls().cases }),
  parameters: { settle: 'first-render' },
};

/** A chart selection as a filter: the disclosures of one domain, shown as a removable chip. */
export const Filtered: Story = {
  args: { asOf: '2025-03-15' },
  render: (args) => {
    const urls = smallUrls();
    return renderDashboard({ ...args, src: urls.cases, disclosures: urls.disclosures }, (e) => {
      const el = e.currentTarget as HTMLElement & { select(s: unknown[]): Promise<void> };
      if (!el.hasAttribute('data-filtered')) {
        el.setAttribute('data-filtered', '');
        void el.select([{ dataset: 'disclosures', column: 'domain', value: 'budget', label: '财政预决算' }]);
      }
    });
  },
};

/** Large type (大字版) on a phone: `font-scale="2"` in a 360 px column; tiles stack, charts grow. */
export const LargeType: Story = {
  args: { asOf: '2025-03-15', fontScale: '2', lang: 'zh-CN' },
  render: (args) => {
    const urls = smallUrls();
    return html`<div style="max-width: 360px">${renderDashboard({ ...args, src: urls.cases, disclosures: urls.disclosures })}</div>`;
  },
};
