import type { OfferingStatus } from './types.js';

export { OFFERING_STATUS_LABELS } from '../../../src/shared/offering.ts';

export const STATUS_TONES: Record<OfferingStatus, 'neutral' | 'progress' | 'good' | 'warn' | 'bad'> = {
  listed: 'progress',
  bidding: 'warn',
  sold: 'good',
  lapsed: 'neutral',
  cancelled: 'bad',
};
