import type { MessageKey } from '../i18n/zh-CN.js';
import type { OfferingStatus } from './types.js';

export const statusKey = (s: OfferingStatus) => `offerings.status.${s}` as MessageKey;

export const STATUS_TONES: Record<OfferingStatus, 'neutral' | 'progress' | 'good' | 'warn' | 'bad'> = {
  listed: 'progress',
  bidding: 'warn',
  sold: 'good',
  lapsed: 'neutral',
  cancelled: 'bad',
};
