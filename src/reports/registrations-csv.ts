import { BOM, csvRecord } from '../content/exchange/csv.js';
import { assertSafeInteger } from '../shared/money.js';
import { formatChinaDate } from '../platform/pdf/dates.js';
import type { ContractRegistrationRecord } from './registrations.js';

// The registration office's spreadsheet: UTF-8 with a BOM, Chinese headers, RFC 4180 quoting and formula
// guards (the platform's CSV writer), amounts in yuan as plain decimals a spreadsheet reads as numbers.
const HEADERS = [
  '交易编号',
  '认定登记号',
  '合同类别代码',
  '合同类别',
  '卖方（成果方）',
  '买方（需求方）',
  '合同金额（元）',
  '签订日期',
  '登记日期',
  '认定登记机构',
  '认定登记日期',
  '认定技术交易额（元）',
  '登记机构确认',
];

/** 1234567 fen → "12345.67": exact, from integers (contract values are never negative). */
export function fenToYuan(fen: number): string {
  assertSafeInteger(fen, 'amount in fen');
  if (fen < 0) throw new RangeError(`a contract value cannot be negative, got ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export function contractRegistrationsCsv(items: readonly ContractRegistrationRecord[]): string {
  return (
    BOM +
    csvRecord(HEADERS) +
    items
      .map((r) =>
        csvRecord([
          r.dealId,
          r.registrationNo,
          r.category.code,
          r.category.name,
          r.seller.name,
          r.buyer.name,
          fenToYuan(r.contractValue),
          r.signedAt ? formatChinaDate(r.signedAt) : '',
          formatChinaDate(r.registeredAt),
          r.registry ?? '',
          r.registeredOn ?? '',
          r.certifiedIncome === null ? '' : fenToYuan(r.certifiedIncome),
          r.confirmedAt ? formatChinaDate(r.confirmedAt) : '',
        ]),
      )
      .join('')
  );
}
