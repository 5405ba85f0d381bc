import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { read } from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T2_CASES, T2_DISCLOSURES, T2_ITEMS } from '../../core/test/fixtures/annual-table2.ts';
import { runCli as run } from './run-cli.ts';

let dir: string;

const REQUESTS = [
  '申请编号,承办机关,申请人类型,收到申请日期,答复日期,办理结果,上年结转,行政复议,复议结果,行政诉讼类型,诉讼结果',
  'R01,甲局,自然人,2025-01-05,2025-01-20,予以公开,否,是,结果维持,,',
  'R02,甲局,商业企业,2025-02-01,2025-02-15,属于国家秘密,否,,,未经复议直接起诉,结果纠正',
  'R03,甲局,自然人,2025-12-20,,,否,,,,',
].join('\n');

const files = () => ['disclosures.csv', 'cases.csv', 'items.csv'].map((f) => join(dir, f));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ad-annual-'));
  await writeFile(join(dir, 'disclosures.csv'), T2_DISCLOSURES);
  await writeFile(join(dir, 'cases.csv'), T2_CASES);
  await writeFile(join(dir, 'items.csv'), T2_ITEMS);
  await writeFile(join(dir, 'requests.csv'), REQUESTS);
  // 申请人类型 missing: counted in 总计 only, so the printed row-total check fails.
  await writeFile(
    join(dir, 'requests-bad.csv'),
    `${REQUESTS}\nR04,甲局,,2025-03-01,2025-03-05,予以公开,否,,,,\n`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('assessment-dashboard annual-report', () => {
  it('prints table 二 (2021 layout) with "—" and the reason for cells the exports do not hold', async () => {
    const r = await run('annual-report', ...files(), '--year', '2025');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('二、主动公开政府信息情况（2025年度，2021年格式）');
    expect(lines).toContain('  信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数');
    expect(lines).toContain('  规章 | 1 | 1 | 3');
    expect(lines).toContain('  行政规范性文件 | 5 | 1 | 3');
    expect(lines).toContain('  行政许可 | 3');
    expect(lines).toContain('  行政强制 | —');
    expect(lines).toContain('  行政事业性收费 | 1.13');
    expect(r.stdout).toContain(
      '第二十条第（六）项 行政强制｜本年处理决定数量：办件导出中没有任何年份的行政强制记录',
    );
    expect(r.stdout).toContain('三、四：未载入依申请公开数据（requests），无法生成。');
    expect(r.stdout).toContain('校验全部通过');
  });

  it('prints the 2019 layout, JSON, and writes XLSX and HTML', async () => {
    const xlsx = join(dir, 'out.xlsx');
    const html = join(dir, 'out.html');
    const r = await run(
      'annual-report',
      ...files(),
      join(dir, 'requests.csv'),
      '--year',
      '2025',
      '--layout',
      '2019',
      '--xlsx',
      xlsx,
      '--html',
      html,
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.import).toMatchObject({ read: 35, loaded: 35, rejected: 0 });
    const t2 = json.report.table2;
    expect(t2.layout).toBe('2019');
    expect(t2.blocks.map((b: { caption: string }) => b.caption)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ]);
    const cells = (i: number) =>
      t2.blocks[i].rows.map((row: { label: string; cells: { value: number | null }[] }) => [
        row.label,
        ...row.cells.map((c) => c.value),
      ]);
    expect(cells(1)).toEqual([
      ['行政许可', 2, 1, 3],
      ['其他对外管理服务事项', null, null, 2],
    ]);
    expect(json.report.table3.rows[0]).toMatchObject({
      label: '一、本年新收政府信息公开申请数量',
      values: [2, 1, 0, 0, 0, 0, 3],
    });
    expect(json.report.violations).toEqual([]);

    const wb = read(await readFile(xlsx), { type: 'array' });
    expect(wb.SheetNames).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const s2 = wb.Sheets[wb.SheetNames[0] ?? ''];
    expect(s2?.B3?.v).toBe('本年新制作数量');
    expect([s2?.A4?.v, s2?.B4?.v, s2?.C4?.v, s2?.D4?.v]).toEqual(['规章', 1, 2, 4]);
    const s4 = wb.Sheets[wb.SheetNames[2] ?? ''];
    expect([s4?.A5?.v, s4?.E5?.v, s4?.G5?.v]).toEqual([1, 1, 1]);

    const page = await readFile(html, 'utf8');
    expect(page).toContain('<table class="annual-report-table2"');
    expect(page).toContain('其他对外管理服务事项');
    expect(page).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  });

  it('prints tables 三 and 四 and exits 1 with the failed check listed', async () => {
    const r = await run('annual-report', join(dir, 'requests-bad.csv'), '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('三、收到和处理政府信息公开申请情况');
    expect(r.stdout).toContain('  一、本年新收政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 4');
    expect(r.stdout).toContain('  行政复议: 结果维持 1, 结果纠正 0, 其他结果 0, 尚未审结 0, 总计 1');
    expect(r.stdout).toContain('校验未通过');
    expect(r.stdout).toContain(
      '三 一、本年新收政府信息公开申请数量 / 总计: 总计=自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他 (4 ≠ 3)',
    );
    // Table 二 cells have nothing loaded: all "—", none 0.
    expect(r.stdout).toContain('  规章 | — | — | —');
  });

  it('exits 1 naming the requests no row of table 三 fits, and 0 when outcomes are only written differently', async () => {
    const fixture = (name: string) => join(import.meta.dirname, '../../core/test/fixtures', name);
    const clean = await run('annual-report', fixture('annual-outcomes.csv'), '--year', '2025');
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toContain('  1.属于国家秘密 | 2 | 0 | 1 | 0 | 0 | 0 | 3');
    expect(clean.stdout).toContain('校验全部通过');
    const r = await run('annual-report', fixture('annual-outcomes-unplaced.csv'), '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '三 三、本年度办理结果: 1 条记录无法归入表三（有办理结果须有答复日期（办结日期））: U03',
    );
    expect(r.stdout).toContain(
      '三 三、本年度办理结果: 2 条记录无法归入表三（本年答复须有可识别的办理结果）: U01、U02',
    );
    expect(r.stdout).not.toContain('校验全部通过');
  });

  it('refuses a missing year or an unknown layout', async () => {
    expect(await run('annual-report', ...files())).toMatchObject({
      code: 2,
      stderr:
        'error: annual-report: give the reporting year, e.g. --year 2025 (see: assessment-dashboard annual-report --help)\n',
    });
    expect(await run('annual-report', ...files(), '--year', '2025', '--layout', '2020')).toMatchObject({
      code: 2,
      stderr:
        'error: annual-report: --layout must be 2021 or 2019, not "2020" (see: assessment-dashboard annual-report --help)\n',
    });
    const help = await run('help');
    expect(help.stdout).toContain('annual-report <file>… --year YYYY [--layout 2021|2019]');
    expect(help.stdout).toContain('Exits 1 when a check fails.');
  });
});
