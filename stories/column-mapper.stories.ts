import type { FilePreview } from '@assessment-dashboard/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/index.ts';

/**
 * The mapping screen for an export whose required columns were not recognised; its channel column has
 * values no code list knows (市长热线, 网站留言), listed for recoding with their row counts.
 */
interface MapperArgs {
  preview: FilePreview;
  fileName: string;
  problem: string;
  lang: string;
}

const meta = {
  title: 'Elements/assessment-column-mapper',
  component: 'assessment-column-mapper',
  render: ({ preview, fileName, problem, lang }) =>
    html`<assessment-column-mapper .preview=${preview} file-name=${fileName} problem=${problem} lang=${lang}>
    </assessment-column-mapper>`,
} satisfies Meta<MapperArgs>;

export default meta;
type Story = StoryObj<MapperArgs>;

export const HotlineExport: Story = {
  args: {
    fileName: 'tickets.csv',
    problem: '无法从表头判断这是哪类数据。请选择数据集，并为每个标准列指定文件中的列。',
    lang: 'zh-CN',
    preview: {
      headers: ['流水编码', '工单登记时间(北京时间)', '来电来源渠道', '办理单位名称'],
      samples: {
        流水编码: ['T1', 'T2'],
        '工单登记时间(北京时间)': ['2024-01-02 09:00', '2024-01-03 10:00'],
        来电来源渠道: ['电话', '市长热线', '网站留言'],
        办理单位名称: ['县水利局'],
      },
      dataset: undefined,
      candidates: [],
      values: {
        来电来源渠道: [
          { value: '电话', count: 812 },
          { value: '市长热线', count: 356 },
          { value: '网站留言', count: 97 },
        ],
      },
    },
  },
};

export const English: Story = {
  args: {
    ...HotlineExport.args,
    lang: 'en',
    problem: 'The headers do not say which kind of export this is.',
  } as MapperArgs,
};
