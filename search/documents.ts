import type { Category, DealForm, Field, Form, FundingSource, IpType, Level, Stage } from '../src/shared/listing.js';

/**
 * One published listing as the `listings` index holds it. Everything here is public: the index only ever holds
 * published listings (withdrawing or unpublishing deletes the document), and confidential details, contacts and
 * attachments never enter it. Times are epoch milliseconds so that they sort and range-filter as numbers.
 */
export interface ListingSearchDocument {
  id: string;
  title: string;
  titleEn?: string;
  summary: string;
  description?: string;
  keywords: string[];
  organizationId: string;
  organizationName: string;
  inventors: string[];
  category: Category;
  field: Field;
  form: Form;
  trl: number;
  stage: Stage;
  level: Level;
  ipType: IpType;
  dealTypes: DealForm[];
  fundingSource: FundingSource;
  /** A region code (src/shared/regions.ts), filtered and counted on. */
  region?: string;
  /** The region's names, Chinese and English, so that typing 石河子 finds the listings of 第八师石河子市. */
  regionName?: string[];
  /** Fen. Omitted (not null) for a negotiable price, so that price sorts put it last in both directions. */
  askingPrice?: number;
  publishedAt: number;
  registrationNo?: string;
}

/** One policy of the policy library (政策汇编) as the `policies` index holds it. */
export interface PolicySearchDocument {
  id: string;
  title: string;
  documentNumber?: string;
  issuingBody: string;
  body: string;
  tags: string[];
  level: string;
  year: number;
  category: string;
  /** Epoch milliseconds of the policy's issue date. */
  date: number;
}
