import type { IpType } from './listing.js';

// CNIPA application/patent numbers (专利号): "ZL" + application number + "." + check digit. Since 2003 the
// application number has 12 digits (year 4, type 1, serial 7); before, 8 digits (year 2, type 1, serial 5).
// The format and the patent-type digit are enforced. The check digit is not: numbers quoted in documents
// (DOMAIN.md's own example, ZL201910123456.7) often carry one that does not compute, and refusing a
// registration over it would lose real data; the registration office verifies numbers against CNIPA.

const PATENT = /^ZL(\d{8}|\d{12})\.([\dX])$/;
// Patent type digit (the 5th of a 12-digit number): 1 invention, 2 utility model, 3 design, 8/9 PCT entries.
const TYPE_DIGITS: Partial<Record<IpType, string[]>> = { invention_patent: ['1', '8'], utility_model: ['2', '9'] };

/** Problems with one IP number for the listing's IP form; an empty string means it is valid. */
export function ipNumberProblem(ipType: IpType, value: string): string {
  if (ipType === 'invention_patent' || ipType === 'utility_model') {
    const m = PATENT.exec(value);
    if (!m) return 'must be a CNIPA patent number like ZL201910123456.7';
    const typeDigit = m[1].length === 12 ? m[1][4] : m[1][2];
    if (!TYPE_DIGITS[ipType]!.includes(typeDigit))
      return ipType === 'invention_patent'
        ? 'is not an invention patent number'
        : 'is not a utility model patent number';
    return '';
  }
  if (ipType === 'software_copyright')
    return /^\d{4}SR\d{6,7}$/.test(value) ? '' : 'must be a software copyright registration number like 2021SR0123456';
  if (ipType === 'plant_variety')
    return /^CNA\d{8,12}(\.\d)?$/.test(value) ? '' : 'must be a plant variety right number like CNA20191234.5';
  if (ipType === 'none') return 'must be empty when the listing has no IP';
  return /^[\p{L}\p{N} ._/()-]{2,40}$/u.test(value) ? '' : 'must be 2–40 letters, digits and . _ / ( ) -';
}
