import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

/**
 * Host-page language: elements without their own `lang` follow the nearest `[lang]` ancestor, so
 * the toolbar sets `<html lang>`. Keying the story on it re-creates the elements, which read the
 * page language when they render.
 */
const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Host page language (document.documentElement.lang)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文 (zh-CN)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'zh-CN' },
  decorators: [
    (story, { globals }) => {
      const lang = typeof globals.lang === 'string' && globals.lang ? globals.lang : 'zh-CN';
      document.documentElement.lang = lang;
      return html`${keyed(lang, story())}`;
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // WCAG 2.1 A and AA only, as in the axe tests; a violation is an error, not a to-do.
    a11y: {
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
      test: 'error',
    },
  },
};

export default preview;
