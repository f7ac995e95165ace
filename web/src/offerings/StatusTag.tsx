import { StatusChip } from '../components/StatusChip.js';
import { OFFERING_STATUS_LABELS, STATUS_TONES } from './labels.js';
import type { OfferingStatus } from './types.js';

export function StatusTag({ status }: { status: OfferingStatus }) {
  return <StatusChip label={OFFERING_STATUS_LABELS[status]} tone={STATUS_TONES[status]} />;
}
