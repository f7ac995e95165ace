// An organization's billing details: its tax id and the bank account that invoices it issues are paid into.
// Pure rules shared by the server's validation, the invoice PDF and the web form.

/**
 * 统一社会信用代码 (GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》): 18 characters from the code set
 * 0-9 and the capital letters without I, O, S, V, Z; characters 3–8 are the administrative division code
 * (digits); the 18th is a check character computed as GB 32100-2015 §5 says (weights 3^i mod 31).
 */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const USCC_PATTERN = '^[0-9ABCDEFGHJKLMNPQRTUWXY]{2}[0-9]{6}[0-9ABCDEFGHJKLMNPQRTUWXY]{10}$';

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function isUscc(value: string): boolean {
  return new RegExp(USCC_PATTERN).test(value) && usccCheckChar(value.slice(0, 17)) === value[17];
}

/** Bank account numbers are digits; people type them in groups of four, so spaces are allowed and dropped. */
export const BANK_ACCOUNT_INPUT_PATTERN = '^[0-9 ]+$';
export const BANK_ACCOUNT_DIGITS = { min: 8, max: 30 } as const;

export function normalizeAccountNumber(input: string): string {
  return input.replace(/ /g, '');
}

/** The account shown in groups of four, as on a bank card or a payment slip. */
export function groupAccountNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Where an invoice is paid: the issuer organization's account as it stands now (null until it gives one). */
export interface PayeeAccount {
  bankName: string;
  bankAccount: string;
  bankAccountName: string;
}

/** What the PDF and the page say where the payee has no account yet (one wording for both). */
export const NO_PAYEE_ACCOUNT = {
  zh: '收款方尚未登记收款账户，请先联系收款方确认账户后再付款',
  en: 'The payee has not registered a bank account yet: contact the payee before paying',
} as const;
