import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/indicators/config-error.ts';
import { own } from '../src/own-keys.ts';
import {
  isMonthSelection,
  ownClause,
  parseCliSelection,
  parseSelection,
  type Selection,
  selectionOptions,
  serialiseSelection,
} from '../src/selection/index.ts';

/** The selection's one home: the URL form, the command line's form, and the options they become. */
const clause = (dataset: Selection['dataset'], column: string, value: string): Selection => ({
  dataset,
  column,
  value,
  label: value,
});

describe('URL form', () => {
  it('serialises as dataset.column:value joined by ";" and reads back the same clauses', () => {
    const selection = [
      clause('disclosures', 'domain', 'budget'),
      clause('cases', 'dept_name', '县民政局'),
      clause('cases', 'dept_name', '甲;乙 100%'),
      clause('cases', 'item_name', 'a:b.c'),
      clause('all', 'month', '2025-01..2025-03'),
    ];
    const text = serialiseSelection(selection);
    expect(text).toBe(
      'disclosures.domain:budget;cases.dept_name:县民政局;cases.dept_name:甲%3B乙 100%25;' +
        'cases.item_name:a:b.c;all.month:2025-01..2025-03',
    );
    expect(parseSelection(text)).toEqual({ selection, ignored: [] });
    // The URL's own encoding on top (URLSearchParams) round-trips as well.
    const url = new URL('https://example.gov.cn/page?keep=1');
    url.searchParams.set('ad', text);
    expect(parseSelection(new URL(url.href).searchParams.get('ad')).selection).toEqual(selection);
  });

  it('normalises month ranges and ignores what is no month', () => {
    const { selection, ignored } = parseSelection(
      'all.month:2025-03..2025-01;all.month:2025-02..2025-02;all.month:2025-13;all.month:1900-01..2025-01',
    );
    expect(selection.map((s) => s.value)).toEqual(['2025-01..2025-03', '2025-02']);
    expect(selection.every(isMonthSelection)).toBe(true);
    expect(ignored).toEqual(['all.month:2025-13', 'all.month:1900-01..2025-01']);
  });

  it('prototype names and unknown columns are reported, never applied', () => {
    const hostile =
      'constructor.x:1;__proto__.x:1;toString.dept_name:1;cases.constructor:1;cases.__proto__:1;' +
      'cases.hasOwnProperty:1;cases.nope:x;all.dept_name:x;nonsense;;cases.dept_name:乙局';
    const { selection, ignored } = parseSelection(hostile);
    expect(selection).toEqual([clause('cases', 'dept_name', '乙局')]);
    expect(ignored).toEqual([
      'constructor.x:1',
      '__proto__.x:1',
      'toString.dept_name:1',
      'cases.constructor:1',
      'cases.__proto__:1',
      'cases.hasOwnProperty:1',
      'cases.nope:x',
      'all.dept_name:x',
      'nonsense',
    ]);
    expect(parseSelection(null)).toEqual({ selection: [], ignored: [] });
  });

  it('labels each clause with the function given', () => {
    const { selection } = parseSelection('cases.apply_channel:window;all.month:2025-01', (s) =>
      s.dataset === 'all' ? `月 ${s.value}` : `${s.column}=${s.value}`,
    );
    expect(selection.map((s) => s.label)).toEqual(['apply_channel=window', '月 2025-01']);
  });
});

describe('selectionOptions', () => {
  const picked = [
    clause('cases', 'apply_channel', 'online_pc'),
    clause('cases', 'dept_name', '乙局'),
    clause('cases', 'apply_channel', 'window'),
    clause('disclosures', 'domain', 'budget'),
    clause('all', 'month', '2025-02..2025-03'),
  ];

  it('two values of one column are "any of"; columns and datasets each hold', () => {
    const options = selectionOptions(picked);
    expect(options).toEqual({
      datasetFilters: {
        cases: { apply_channel: ['online_pc', 'window'], dept_name: ['乙局'] },
        disclosures: { domain: ['budget'] },
      },
      months: ['2025-02', '2025-03'],
    });
    expect('filters' in options).toBe(false);
  });

  it("leaves out a panel's own clauses (cross-filter), and only those", () => {
    expect(selectionOptions(picked, ownClause('cases', 'apply_channel'))).toEqual({
      datasetFilters: { cases: { dept_name: ['乙局'] }, disclosures: { domain: ['budget'] } },
      months: ['2025-02', '2025-03'],
    });
    expect(selectionOptions(picked, ownClause('all', 'month'))).toEqual({
      datasetFilters: {
        cases: { apply_channel: ['online_pc', 'window'], dept_name: ['乙局'] },
        disclosures: { domain: ['budget'] },
      },
    });
    // Another dataset's column of the same name is not the panel's own.
    expect(selectionOptions(picked, ownClause('disclosures', 'apply_channel')).datasetFilters?.cases).toEqual(
      {
        apply_channel: ['online_pc', 'window'],
        dept_name: ['乙局'],
      },
    );
  });

  it('a prototype name as a column is an own key of a prototype-free object', () => {
    const options = selectionOptions([clause('cases', '__proto__', 'x'), clause('all', 'constructor', 'y')]);
    const cases = options.datasetFilters?.cases ?? {};
    expect(Object.getPrototypeOf(cases)).toBe(null);
    expect(Object.keys(cases)).toEqual(['__proto__']);
    expect(own(cases, '__proto__')).toEqual(['x']);
    expect(own(options.filters, 'constructor')).toEqual(['y']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('command-line form', () => {
  it('--filter [dataset.]column=value and --month become the same options as a click', () => {
    const selection = parseCliSelection(
      ['cases.dept_name=甲局', 'cases.dept_name=乙局', 'dept_name=丙局', 'cases.item_name=a=b'],
      '2025-03..2025-01',
    );
    expect(selection.at(-1)).toEqual(clause('all', 'month', '2025-01..2025-03'));
    expect(selectionOptions(selection)).toEqual({
      filters: { dept_name: ['丙局'] },
      datasetFilters: { cases: { dept_name: ['甲局', '乙局'], item_name: ['a=b'] } },
      months: ['2025-01', '2025-02', '2025-03'],
    });
    // The URL form of the same clauses reads back as the same selection (the month is a known clause).
    const url = parseSelection(
      serialiseSelection(selection.filter((s) => s.dataset !== 'all' || isMonthSelection(s))),
    );
    expect(url.ignored).toEqual([]);
    expect(url.selection).toHaveLength(4);
  });

  it.each([
    [['nonsense'], undefined, '--filter "nonsense" is not [dataset.]column=value'],
    [['nope.dept_name=x'], undefined, 'unknown dataset "nope"'],
    [['constructor.x=1'], undefined, 'unknown dataset "constructor"'],
    [['__proto__.x=1'], undefined, 'unknown dataset "__proto__"'],
    [['month=2025-01'], undefined, 'select months with --month'],
    [[], '2025-13', '--month "2025-13" is not YYYY-MM or YYYY-MM..YYYY-MM'],
  ])('%j %s is a usage error', (filters, month, message) => {
    expect(() => parseCliSelection(filters, month)).toThrow(ConfigError);
    expect(() => parseCliSelection(filters, month)).toThrow(message);
  });
});
