import { Type } from 'typebox';
import { Nullable } from '../platform/http.js';
import { BANK_ACCOUNT_INPUT_PATTERN, USCC_PATTERN } from '../shared/billing.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const BillingSchema = Type.Object(
  {
    organizationId: Type.String(),
    taxId: Nullable(Type.String({ description: '统一社会信用代码 / 纳税人识别号 (18 characters)' })),
    bankName: Nullable(Type.String({ description: '开户行' })),
    bankAccount: Nullable(Type.String({ description: '账号, digits only' })),
    bankAccountName: Nullable(Type.String({ description: '户名' })),
  },
  { $id: 'OrganizationBilling' },
);

export const BillingBody = Type.Object(
  {
    taxId: Type.String({
      minLength: 18,
      maxLength: 18,
      description: `统一社会信用代码 (GB 32100-2015): ${USCC_PATTERN}, with a valid check character; lower case is accepted`,
    }),
    bankName: Text(100),
    bankAccount: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: BANK_ACCOUNT_INPUT_PATTERN,
      description: 'Digits; spaces between groups are allowed and dropped',
    }),
    bankAccountName: Text(100),
  },
  { additionalProperties: false },
);
