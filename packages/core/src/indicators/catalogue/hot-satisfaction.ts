import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { NOT_VOID, VALID_CALLBACK } from './hot-common.ts';

/**
 * Whether 基本满意 counts as satisfied. Default yes: DOMAIN §5 defines 满意率 as 满意 + 基本满意 and 12345
 * practice reports it that way; 国办发〔2019〕51号 calls 基本满意 a 中评 (neither 好评 nor 差评), so a host
 * wanting the strict 好评 reading can register `hotSatisfactionDef(false)`.
 */
export const HOT_SATISFACTION_INCLUDES_BASICALLY = true;

export function hotSatisfactionDef(includeBasically = HOT_SATISFACTION_INCLUDES_BASICALLY): IndicatorDef {
  const satisfied = includeBasically
    ? "('very_satisfied', 'satisfied', 'basically')"
    : "('very_satisfied', 'satisfied')";
  return {
    key: includeBasically ? 'hot.satisfaction' : 'hot.satisfaction_strict',
    dataset: 'hotline',
    kind: 'rate',
    label: includeBasically
      ? { zh: '热线满意率', en: 'Hotline satisfaction' }
      : { zh: '热线满意率（不含基本满意）', en: 'Hotline satisfaction (strict)' },
    formula: includeBasically
      ? {
          zh: '回访评价为非常满意、满意、基本满意的工单数 ÷ 有效回访数（有回访结果，不含未接通、拒评）',
          en:
            'Callbacks rated very satisfied, satisfied or basically satisfied ÷ valid callbacks ' +
            '(with a result, unreachable and declined excluded)',
        }
      : {
          zh: '回访评价为非常满意、满意的工单数 ÷ 有效回访数（有回访结果，不含未接通、拒评）',
          en:
            'Callbacks rated very satisfied or satisfied ÷ valid callbacks ' +
            '(with a result, unreachable and declined excluded)',
        },
    direction: 'higher',
    unit: 'percent',
    source: '国办发〔2020〕53号（满意度测评）；国办发〔2019〕51号（五级评价：基本满意为中评）',
    periodColumn: 'callback_at',
    needs: ['callback_result'],
    sql(ctx) {
      const w = where(ctx);
      const src = replayed('hotline', ctx);
      return {
        text: `SELECT count(*) FILTER (WHERE callback_result IN ${satisfied})::DOUBLE AS numerator,
            count(*)::DOUBLE AS denominator
          FROM ${src.text} WHERE ${VALID_CALLBACK} AND ${NOT_VOID} AND ${w.text}`,
        params: [...src.params, ...w.params],
      };
    },
  };
}

export const hotSatisfaction: IndicatorDef = hotSatisfactionDef();
