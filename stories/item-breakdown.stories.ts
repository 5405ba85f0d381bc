import type { DrillLevel, Filters } from '@assessment-dashboard/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import type { DrillDetail } from '../packages/elements/src/index.ts';
import '../packages/elements/src/index.ts';
import '../packages/elements/src/drill-down/define.ts';
import { sampleEngine } from './sample-engine.ts';

/**
 * Drill-down tables over the sample exports of `data/`: departments, then a department's service items
 * (named from the item catalogue), with the numbers of the indicators under the same filters. Choosing a
 * row fires `ad-drill` with the filters of the next level; `DrillDown` wires the three levels together
 * as a host (or the dashboard) would.
 */
interface BreakdownArgs {
  /** where the DuckDB files are served (Storybook: /duckdb/) */
  assetBase: string;
  lang: string;
  asOf: string;
  level: DrillLevel;
  filters?: Filters;
}

const meta: Meta<BreakdownArgs> = {
  title: 'Elements/assessment-item-breakdown',
  component: 'assessment-item-breakdown',
  args: {
    assetBase: '/duckdb/',
    lang: 'zh-CN',
    asOf: '2025-12-31',
    level: 'item',
    filters: { dept_name: ['县自然资源局'] },
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    level: { control: 'inline-radio', options: ['dept', 'item'] },
    asOf: { name: 'as-of', control: 'text' },
  },
  loaders: [async ({ args }) => ({ engine: await sampleEngine(args.assetBase) })],
  render: (args, { loaded }) =>
    html`<assessment-item-breakdown .engine=${loaded.engine} .filters=${args.filters} level=${args.level}
      as-of=${args.asOf} lang=${args.lang}></assessment-item-breakdown>`,
};
export default meta;

type Story = StoryObj<BreakdownArgs>;

/** The service items of 县自然资源局. */
export const ItemsOfADepartment: Story = {};

export const Departments: Story = { args: { level: 'dept', filters: undefined } };

export const English: Story = { args: { lang: 'en' } };

/** Departments → items → cases: each `ad-drill` opens the next level below the table. */
export const DrillDown: Story = {
  args: { level: 'dept', filters: undefined },
  render: (args, { loaded }) => {
    const onDrill = (e: Event) => {
      const d = (e as CustomEvent<DrillDetail>).detail;
      const host = e.currentTarget as HTMLElement;
      const next = host.nextElementSibling as HTMLElement;
      const level =
        d.level === 'dept'
          ? html`<assessment-item-breakdown .engine=${loaded.engine} .filters=${d.filters} as-of=${args.asOf}
              lang=${args.lang} @ad-drill=${onDrill}></assessment-item-breakdown><div></div>`
          : html`<assessment-case-list .engine=${loaded.engine} .filters=${d.filters} as-of=${args.asOf}
              lang=${args.lang} caption=${d.name ?? ''}></assessment-case-list>`;
      render(level, next);
    };
    return html`<assessment-item-breakdown .engine=${loaded.engine} level="dept" as-of=${args.asOf}
        lang=${args.lang} @ad-drill=${onDrill}></assessment-item-breakdown><div></div>`;
  },
};
