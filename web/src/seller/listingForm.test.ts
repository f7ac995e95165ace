import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { CreateListingBody } from '../../../src/shared/listing-input.ts';
import {
  EMPTY_LISTING,
  listingToValues,
  splitList,
  toListingInput,
  validateListing,
  type ListingFormValues,
} from './listingForm.js';

const valid: ListingFormValues = {
  ...EMPTY_LISTING,
  title: '膜下滴灌水肥一体化智能控制系统',
  summary: '面向棉花种植的滴灌与施肥一体化控制技术，节水 30%。',
  keywords: '滴灌，水肥一体化、棉花',
  trl: '7',
  ipType: 'invention_patent',
  ipNumbers: 'ZL201910123456.7\nZL200510012345.X',
  dealTypes: ['transfer', 'license'],
  askingPrice: '1,250,000.5',
  inventors: [
    { name: '王强', title: '教授' },
    { name: '李娜', title: '' },
  ],
  contactName: '张老师',
  contactPhone: '+86 991-1234567',
  contactEmail: 'zhang@example.cn',
};

describe("validateListing (the API's rules, mirrored)", () => {
  it('accepts a complete registration', () => {
    expect(validateListing(valid)).toEqual({});
  });

  it.each<[Partial<ListingFormValues>, string, string]>([
    [{ title: '滴' }, 'title', 'listingForm.tooShort'],
    [{ title: 'x'.repeat(201) }, 'title', 'listingForm.tooLong'],
    [{ summary: '太短的简介' }, 'summary', 'listingForm.tooShort'],
    [{ summary: '   ' }, 'summary', 'form.required'],
    [{ trl: '' }, 'trl', 'form.required'],
    [{ trl: '10' }, 'trl', 'listingForm.trlRange'],
    [{ keywords: Array.from({ length: 11 }, (_, i) => `词${i}`).join(',') }, 'keywords', 'listingForm.tooMany'],
    [{ keywords: '滴灌,滴灌' }, 'keywords', 'listingForm.duplicate'],
    [{ ipNumbers: '' }, 'ipNumbers', 'listingForm.ipRequired'],
    [{ ipNumbers: 'ZL201920123456.7' }, 'ipNumbers', 'listingForm.ip.invention_patent'],
    [{ ipNumbers: 'ZL2019101234567' }, 'ipNumbers', 'listingForm.ip.invention_patent'],
    [{ ipType: 'utility_model', ipNumbers: 'ZL201910123456.7' }, 'ipNumbers', 'listingForm.ip.utility_model'],
    [{ ipType: 'software_copyright', ipNumbers: 'SR123' }, 'ipNumbers', 'listingForm.ip.software_copyright'],
    [{ ipType: 'none', ipNumbers: 'ZL201910123456.7' }, 'ipNumbers', 'listingForm.ipNone'],
    [{ dealTypes: [] }, 'dealTypes', 'listingForm.dealTypesRequired'],
    [{ askingPrice: '12.345' }, 'askingPrice', 'listingForm.money'],
    [{ askingPrice: '1000000000001' }, 'askingPrice', 'listingForm.moneyMax'],
    [{ contactPhone: 'call me' }, 'contactPhone', 'listingForm.phone'],
    [{ contactName: '', contactPhone: '0991-1234567', contactEmail: '' }, 'contactName', 'form.required'],
    [{ contactEmail: 'zhang@' }, 'contactEmail', 'form.emailInvalid'],
    [{ inventors: [{ name: '', title: '' }] }, 'inventors.0.name', 'form.required'],
  ])('%j → %s: %s', (change, field, key) => {
    const errors = validateListing({ ...valid, ...change }) as Record<string, { key: string }>;
    expect(errors[field]?.key).toBe(key);
  });

  it('accepts utility model, software copyright and plant variety numbers of their own form', () => {
    expect(validateListing({ ...valid, ipType: 'utility_model', ipNumbers: 'ZL202120123456.1' })).toEqual({});
    expect(validateListing({ ...valid, ipType: 'software_copyright', ipNumbers: '2021SR0123456' })).toEqual({});
    expect(validateListing({ ...valid, ipType: 'plant_variety', ipNumbers: 'CNA20191234.5' })).toEqual({});
    expect(validateListing({ ...valid, ipType: 'trade_secret', ipNumbers: '' })).toEqual({});
  });
});

describe('toListingInput', () => {
  it("sends money in fen, lists split, optional parts null, and passes the API's own schema", () => {
    const input = toListingInput(valid);
    expect(input).toMatchObject({
      askingPrice: 125000050,
      keywords: ['滴灌', '水肥一体化', '棉花'],
      ipNumbers: ['ZL201910123456.7', 'ZL200510012345.X'],
      dealTypes: ['license', 'transfer'],
      trl: 7,
      titleEn: null,
      region: null,
      inventors: [{ name: '王强', title: '教授' }, { name: '李娜' }],
      contact: { name: '张老师', phone: '+86 991-1234567', email: 'zhang@example.cn' },
      confidentialDetails: null,
    });
    expect(Value.Check(CreateListingBody, input)).toBe(true);
  });

  it('reads "no price" and "no contact" as null', () => {
    const input = toListingInput({ ...valid, askingPrice: ' ', contactName: '', contactPhone: '', contactEmail: '' });
    expect(input.askingPrice).toBeNull();
    expect(input.contact).toBeNull();
    expect(Value.Check(CreateListingBody, input)).toBe(true);
  });

  it('round-trips a stored listing through the form unchanged', () => {
    const input = toListingInput(valid);
    const stored = {
      ...input,
      id: 'lst_1',
      status: 'draft' as const,
      organization: { id: 'o', name: 'o', type: 'university' as const },
      description: '',
      titleEn: null,
      keywords: input.keywords!,
      level: input.level!,
      ipNumbers: input.ipNumbers!,
      askingPrice: input.askingPrice!,
      region: null,
      inventors: input.inventors!,
      contact: input.contact!,
      ndaRequired: false,
      confidentialDetails: null,
      currency: 'CNY' as const,
      canSeeConfidential: true,
      attachments: [],
      registrationNo: null,
      submittedAt: null,
      publishedAt: null,
      withdrawnAt: null,
      createdAt: '',
      updatedAt: '',
    };
    expect(toListingInput(listingToValues(stored))).toEqual(input);
  });

  it('splits lists on full- and half-width separators and new lines', () => {
    expect(splitList('a, b，c、d；e;f\n g ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
