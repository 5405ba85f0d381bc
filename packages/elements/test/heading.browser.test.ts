import { afterEach, describe, expect, it } from 'vitest';
import '../src/index.ts';
import type { AssessmentDashboard } from '../src/dashboard/assessment-dashboard.ts';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(attrs: Record<string, string>): Promise<ShadowRoot> {
  const el = document.createElement('assessment-dashboard') as AssessmentDashboard;
  el.setAttribute('lang', 'zh-CN');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el.shadowRoot as ShadowRoot;
}
const heading = (root: ShadowRoot) => {
  const h = root.querySelector('[part="heading"]');
  return h ? [h.tagName, h.textContent] : undefined;
};

describe('heading and heading-level', () => {
  it('defaults to an h2 with the product name', async () => {
    expect(heading(await mount({}))).toEqual(['H2', '政务服务与政务公开评估']);
  });

  it('takes the host page’s words and level', async () => {
    const root = await mount({ heading: '示范县 2025 年第一季度', 'heading-level': '3' });
    expect(heading(root)).toEqual(['H3', '示范县 2025 年第一季度']);
    // Styled as the default heading is, whatever its level.
    expect(getComputedStyle(root.querySelector('h3') as Element).borderLeftWidth).toBe('4px');
  });

  it('renders no heading when heading is empty, and level 2 for a level outside 1–6', async () => {
    expect(heading(await mount({ heading: '' }))).toBeUndefined();
    expect(heading(await mount({ 'heading-level': '9' }))?.[0]).toBe('H2');
    expect(heading(await mount({ 'heading-level': '1' }))?.[0]).toBe('H1');
  });
});
