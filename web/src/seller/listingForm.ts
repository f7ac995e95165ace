import { isRegionCode } from '../i18n/labels.js';
import {
  CATEGORIES,
  DEAL_FORMS,
  FIELDS,
  FORMS,
  FUNDING_SOURCES,
  IP_TYPES,
  LEVELS,
  STAGES,
  type Category,
  type DealForm,
  type Field,
  type Form,
  type FundingSource,
  type IpType,
  type Level,
  type Stage,
} from '../../../src/shared/listing.ts';
import { ipNumberProblem } from '../../../src/shared/ip-numbers.ts';
import type { Listing, ListingInput } from '../api/types.js';
import { formatFen, parseYuan } from '../i18n/format.js';
import type { Problem } from '../lib/problems.js';

// The registration form (科技成果登记表) as the reader types it: every input is a string until it is sent.
// The checks mirror the API's (src/listings/schemas.ts, and the IP-number rule it shares with us), so that a
// reader sees what is wrong beside the field; the server checks everything again.

export interface PersonRow {
  name: string;
  title: string;
}
export interface ListingFormValues {
  title: string;
  titleEn: string;
  summary: string;
  description: string;
  keywords: string;
  category: Category;
  field: Field;
  form: Form;
  trl: string;
  stage: Stage;
  level: Level;
  ipType: IpType;
  ipNumbers: string;
  dealTypes: DealForm[];
  askingPrice: string;
  fundingSource: FundingSource;
  region: string;
  inventors: PersonRow[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  ndaRequired: boolean;
  confidentialDetails: string;
}

export type ListingField = keyof ListingFormValues;
export type ListingErrors = Partial<Record<ListingField | `inventors.${number}.${'name' | 'title'}`, Problem>>;

export const EMPTY_LISTING: ListingFormValues = {
  title: '',
  titleEn: '',
  summary: '',
  description: '',
  keywords: '',
  category: CATEGORIES[1],
  field: FIELDS[0],
  form: FORMS[0],
  trl: '',
  stage: STAGES[0],
  level: 'not_evaluated',
  ipType: IP_TYPES[0],
  ipNumbers: '',
  dealTypes: [],
  askingPrice: '',
  fundingSource: FUNDING_SOURCES[0],
  region: '',
  inventors: [],
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  ndaRequired: false,
  confidentialDetails: '',
};

export const MAX_FEN = 100_000_000_000_000;
const PHONE = /^[0-9+() -]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PATENTED: readonly IpType[] = ['invention_patent', 'utility_model'];

/** Keywords and IP numbers are typed as one text: split on commas (either width), 、, semicolons or new lines. */
export const splitList = (text: string) =>
  text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function length(value: string, min: number, max: number, required: boolean): Problem | undefined {
  const n = value.trim().length;
  if (n === 0) return required ? { key: 'form.required' } : undefined;
  if (n < min) return { key: 'listingForm.tooShort', vars: { min } };
  if (n > max) return { key: 'listingForm.tooLong', vars: { max } };
  return undefined;
}

function ipNumbersProblem(ipType: IpType, text: string): Problem | undefined {
  const numbers = splitList(text);
  if (ipType === 'none') return numbers.length ? { key: 'listingForm.ipNone' } : undefined;
  if (PATENTED.includes(ipType) && numbers.length === 0) return { key: 'listingForm.ipRequired' };
  if (numbers.length > 20) return { key: 'listingForm.tooMany', vars: { max: 20 } };
  if (new Set(numbers).size !== numbers.length) return { key: 'listingForm.duplicate' };
  const bad = numbers.find((n) => n.length > 40 || ipNumberProblem(ipType, n) !== '');
  if (!bad) return undefined;
  const key =
    ipType === 'invention_patent' || ipType === 'utility_model'
      ? (`listingForm.ip.${ipType}` as const)
      : ipType === 'software_copyright'
        ? ('listingForm.ip.software_copyright' as const)
        : ipType === 'plant_variety'
          ? ('listingForm.ip.plant_variety' as const)
          : ('listingForm.ip.other' as const);
  return { key, vars: { value: bad } };
}

function keywordsProblem(text: string): Problem | undefined {
  const words = splitList(text);
  if (words.length > 10) return { key: 'listingForm.tooMany', vars: { max: 10 } };
  if (words.some((w) => w.length > 40)) return { key: 'listingForm.keywordLong' };
  if (new Set(words).size !== words.length) return { key: 'listingForm.duplicate' };
  return undefined;
}

/** Every problem of the form, keyed by field (inventor rows as `inventors.<i>.name`). Empty when it may be sent. */
export function validateListing(v: ListingFormValues): ListingErrors {
  const e: ListingErrors = {};
  const set = (field: keyof ListingErrors, problem: Problem | undefined) => {
    if (problem) e[field] = problem;
  };
  set('title', length(v.title, 2, 200, true));
  set('titleEn', length(v.titleEn, 0, 300, false));
  set('summary', length(v.summary, 10, 2000, true));
  set('description', length(v.description, 0, 20_000, false));
  set('keywords', keywordsProblem(v.keywords));
  const trl = Number(v.trl);
  if (!v.trl) set('trl', { key: 'form.required' });
  else if (!Number.isInteger(trl) || trl < 1 || trl > 9) set('trl', { key: 'listingForm.trlRange' });
  set('ipNumbers', ipNumbersProblem(v.ipType, v.ipNumbers));
  if (v.dealTypes.length === 0) set('dealTypes', { key: 'listingForm.dealTypesRequired' });
  if (v.askingPrice.trim()) {
    const fen = parseYuan(v.askingPrice);
    if (fen === null) set('askingPrice', { key: 'listingForm.money' });
    else if (fen > MAX_FEN) set('askingPrice', { key: 'listingForm.moneyMax' });
  }
  if (v.region && !isRegionCode(v.region)) set('region', { key: 'listingForm.regionChoose' });
  if (v.inventors.length > 50) set('inventors', { key: 'listingForm.tooMany', vars: { max: 50 } });
  v.inventors.forEach((p, i) => {
    set(`inventors.${i}.name`, length(p.name, 1, 50, true));
    set(`inventors.${i}.title`, length(p.title, 0, 50, false));
  });
  const contactGiven = [v.contactName, v.contactPhone, v.contactEmail].some((s) => s.trim());
  if (contactGiven) set('contactName', length(v.contactName, 1, 50, true));
  if (v.contactPhone.trim() && !PHONE.test(v.contactPhone.trim())) set('contactPhone', { key: 'listingForm.phone' });
  if (v.contactEmail.trim() && (v.contactEmail.trim().length > 254 || !EMAIL.test(v.contactEmail.trim())))
    set('contactEmail', { key: 'form.emailInvalid' });
  set('confidentialDetails', length(v.confidentialDetails, 0, 20_000, false));
  return e;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The form as the API takes it; call only when validateListing found nothing. */
export function toListingInput(v: ListingFormValues): ListingInput {
  const contactGiven = [v.contactName, v.contactPhone, v.contactEmail].some((s) => s.trim());
  return {
    title: v.title.trim(),
    titleEn: orNull(v.titleEn),
    summary: v.summary.trim(),
    description: v.description.trim(),
    keywords: splitList(v.keywords),
    category: v.category,
    field: v.field,
    form: v.form,
    trl: Number(v.trl),
    stage: v.stage,
    level: v.level,
    ipType: v.ipType,
    ipNumbers: splitList(v.ipNumbers),
    dealTypes: DEAL_FORMS.filter((d) => v.dealTypes.includes(d)),
    askingPrice: v.askingPrice.trim() ? parseYuan(v.askingPrice) : null,
    fundingSource: v.fundingSource,
    region: isRegionCode(v.region) ? (v.region as NonNullable<ListingInput['region']>) : null,
    inventors: v.inventors.map((p) =>
      p.title.trim() ? { name: p.name.trim(), title: p.title.trim() } : { name: p.name.trim() },
    ),
    contact: contactGiven
      ? {
          name: v.contactName.trim(),
          ...(v.contactPhone.trim() ? { phone: v.contactPhone.trim() } : {}),
          ...(v.contactEmail.trim() ? { email: v.contactEmail.trim() } : {}),
        }
      : null,
    ndaRequired: v.ndaRequired,
    confidentialDetails: orNull(v.confidentialDetails),
  };
}

/** A stored listing back into the form, for editing. Money shows as yuan without the ¥ sign. */
export function listingToValues(l: Listing): ListingFormValues {
  return {
    title: l.title,
    titleEn: l.titleEn ?? '',
    summary: l.summary,
    description: l.description,
    keywords: l.keywords.join('，'),
    category: l.category,
    field: l.field,
    form: l.form,
    trl: String(l.trl),
    stage: l.stage,
    level: l.level,
    ipType: l.ipType,
    ipNumbers: l.ipNumbers.join('\n'),
    dealTypes: l.dealTypes,
    askingPrice: l.askingPrice === null ? '' : formatFen(l.askingPrice).slice(1),
    fundingSource: l.fundingSource,
    region: l.region ?? '',
    inventors: l.inventors.map((p) => ({ name: p.name, title: p.title ?? '' })),
    contactName: l.contact?.name ?? '',
    contactPhone: l.contact?.phone ?? '',
    contactEmail: l.contact?.email ?? '',
    ndaRequired: l.ndaRequired,
    confidentialDetails: l.confidentialDetails ?? '',
  };
}

export { CATEGORIES, DEAL_FORMS, FIELDS, FORMS, FUNDING_SOURCES, IP_TYPES, LEVELS, STAGES };
