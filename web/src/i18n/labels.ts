import type { ListingStatus, MatchReason } from '../api/types.js';
import { FIELD_LABELS, type Field, type Label } from '../../../src/shared/listing.ts';

// Labels for the closed sets the UI shows, in DOMAIN.md's words. Those of a listing's and the bureau's closed sets
// come from the shared core, so that each exists once for the web app, the exports and the reports.
export { FIELD_LABELS, TRL_LABELS, trlLabel } from '../../../src/shared/listing.ts';
export {
  CATEGORY_LABELS,
  DEAL_FORM_LABELS,
  FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  IP_TYPE_LABELS,
  LEVEL_LABELS,
  STAGE_LABELS,
} from '../../../src/shared/listing-labels.ts';
export { REGIONS, isRegionCode, regionOf } from '../../../src/shared/regions.ts';
export { POLICY_CATEGORY_LABELS, POLICY_LEVEL_LABELS } from '../../../src/shared/content.ts';
export type { Label };

export {
  ORG_ROLE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  ROLE_ORG_TYPES,
  USER_ROLE_LABELS as ROLE_LABELS,
} from '../../../src/shared/accounts.ts';

export const MATCH_REASON_LABELS: Record<MatchReason, Label> = {
  text: { zh: '内容相近', en: 'Similar content' },
  field: { zh: '领域一致', en: 'Same field' },
  dealType: { zh: '转化方式相符', en: 'Deal type fits' },
  budget: { zh: '价格在预算内', en: 'Within budget' },
};

export const LISTING_STATUS_LABELS: Record<ListingStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  published: { zh: '已发布', en: 'Published' },
  rejected: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const LISTING_STATUS_TONES: Record<ListingStatus, 'neutral' | 'progress' | 'good' | 'warn' | 'bad'> = {
  draft: 'neutral',
  submitted: 'progress',
  published: 'good',
  rejected: 'warn',
  withdrawn: 'bad',
};

/** The label of an enum value, or the raw value when the server sends one this build does not know. */
export function labelOf<K extends string>(labels: Record<K, Label>, value: string): Label {
  return (labels as Record<string, Label>)[value] ?? { zh: value, en: value };
}

export const fieldLabel = (field: string): Label => labelOf<Field>(FIELD_LABELS, field);
