import type { HalfYearReportStatus } from '../api/types.js';
import type { Label } from '../i18n/labels.js';

type Tone = 'warn' | 'good';

/** A draft is still the organization's to finish (warn); a submitted report is filed with the bureau (good). */
export const REPORT_STATUS: Record<HalfYearReportStatus, { label: Label; tone: Tone }> = {
  draft: { label: { zh: '未报送', en: 'Not submitted' }, tone: 'warn' },
  submitted: { label: { zh: '已报送', en: 'Submitted' }, tone: 'good' },
};

export const HALF_LABELS: Record<1 | 2, Label> = {
  1: { zh: '上半年', en: 'First half' },
  2: { zh: '下半年', en: 'Second half' },
};
