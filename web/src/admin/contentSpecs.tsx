import { DEAL_FORMS, FIELDS } from '../../../src/shared/listing.ts';
import { POLICY_CATEGORIES, POLICY_LEVELS, type CaseSummary, type PackageSummary } from '../api/types.js';
import { api } from '../api/index.js';
import type { Policy } from '../api/types.js';
import { formatFen } from '../i18n/format.js';
import { useT } from '../i18n/I18nProvider.js';
import { pluralKey } from '../i18n/plural.js';
import {
  DEAL_FORM_LABELS,
  FIELD_LABELS,
  POLICY_CATEGORY_LABELS,
  POLICY_LEVEL_LABELS,
  fieldLabel,
  labelOf,
} from '../i18n/labels.js';
import type { ContentSpec } from './ContentAdmin.js';
import type { FieldSpec } from './specForm.js';

// The bureau's three libraries as editor specs, with the bounds of src/content/{policies,cases,packages}/schemas.ts.

const ID = /^[a-z]{2,5}_[0-9a-z]{21}$/;
const URL_PATTERN = /^https?:\/\/\S+$/;
const thisYear = new Date().getFullYear();

function Meta({ parts }: { parts: Array<string | null | undefined | false> }) {
  return (
    <>
      {parts.filter(Boolean).map((p, i) => (
        <span key={i}>{p}</span>
      ))}
    </>
  );
}

const policyFields: FieldSpec[] = [
  { name: 'title', kind: 'text', label: 'admin.policy.title', min: 2, max: 300, required: true },
  { name: 'issuingBody', kind: 'text', label: 'policies.issuingBody', min: 2, max: 200, required: true },
  { name: 'documentNumber', kind: 'text', label: 'policies.documentNumber', max: 100, nullable: true },
  { name: 'issuedOn', kind: 'date', label: 'policies.date', required: true },
  { name: 'level', kind: 'select', label: 'admin.policy.level', options: POLICY_LEVELS, labels: POLICY_LEVEL_LABELS },
  {
    name: 'category',
    kind: 'select',
    label: 'admin.policy.category',
    options: POLICY_CATEGORIES,
    labels: POLICY_CATEGORY_LABELS,
  },
  { name: 'tags', kind: 'list', label: 'admin.policy.tags', hint: 'admin.listHint', maxItems: 20, itemMax: 30 },
  { name: 'body', kind: 'textarea', label: 'admin.policy.body', min: 1, max: 100_000, required: true },
  {
    name: 'sourceUrl',
    kind: 'text',
    label: 'admin.policy.sourceUrl',
    max: 500,
    pattern: URL_PATTERN,
    patternKey: 'admin.urlInvalid',
    nullable: true,
  },
  { name: 'published', kind: 'checkbox', label: 'admin.publishNow' },
];

export function usePolicySpec(): ContentSpec<Policy> {
  const { label, date } = useT();
  return {
    specs: policyFields,
    empty: {
      title: '',
      issuingBody: '',
      documentNumber: '',
      issuedOn: '',
      level: 'corps',
      category: 'incentive',
      tags: '',
      body: '',
      sourceUrl: '',
      published: true,
    },
    list: (q, signal) => api.adminPolicies(q, signal),
    get: (id, signal) => api.getPolicy(id, signal) as unknown as Promise<Record<string, unknown>>,
    create: (input) => api.createPolicy(input as never),
    update: (id, input) => api.updatePolicy(id, input),
    remove: (id) => api.deletePolicy(id),
    meta: (p) => (
      <Meta parts={[p.issuingBody, p.documentNumber, date(p.issuedOn), label(labelOf(POLICY_LEVEL_LABELS, p.level))]} />
    ),
  };
}

const caseFields: FieldSpec[] = [
  { name: 'title', kind: 'text', label: 'admin.case.title', min: 2, max: 200, required: true },
  { name: 'summary', kind: 'textarea', label: 'listing.summary', min: 2, max: 2000, required: true },
  { name: 'body', kind: 'textarea', label: 'admin.case.body', min: 1, max: 50_000, required: true },
  { name: 'field', kind: 'select', label: 'listing.field', options: FIELDS, labels: FIELD_LABELS },
  { name: 'dealType', kind: 'select', label: 'deal.type', options: DEAL_FORMS, labels: DEAL_FORM_LABELS },
  { name: 'value', kind: 'yuan', label: 'admin.case.value', nullable: true },
  { name: 'year', kind: 'integer', label: 'admin.case.year', min: 1949, max: 2100, required: true },
  {
    name: 'listingId',
    kind: 'text',
    label: 'admin.case.listingId',
    max: 40,
    pattern: ID,
    patternKey: 'event.idInvalid',
    nullable: true,
  },
  { name: 'published', kind: 'checkbox', label: 'admin.publishNow' },
];

export function useCaseSpec(): ContentSpec<CaseSummary> {
  const { label } = useT();
  return {
    specs: caseFields,
    empty: {
      title: '',
      summary: '',
      body: '',
      field: FIELDS[0],
      dealType: DEAL_FORMS[0],
      value: '',
      year: String(thisYear),
      listingId: '',
      published: true,
    },
    list: (q, signal) => api.listCases(q, signal),
    get: async (id, signal) => {
      const c = await api.getCase(id, signal);
      return { ...c, listingId: c.listing?.id ?? null };
    },
    create: (input) => api.createCase(input as never),
    update: (id, input) => api.updateCase(id, input),
    remove: (id) => api.deleteCase(id),
    meta: (c) => (
      <Meta
        parts={[
          String(c.year),
          label(fieldLabel(c.field)),
          label(labelOf(DEAL_FORM_LABELS, c.dealType)),
          c.value !== null && formatFen(c.value),
        ]}
      />
    ),
  };
}

const packageFields: FieldSpec[] = [
  { name: 'title', kind: 'text', label: 'admin.package.title', min: 2, max: 200, required: true },
  { name: 'description', kind: 'textarea', label: 'listing.description', max: 5000 },
  { name: 'field', kind: 'select', label: 'listing.field', options: FIELDS, labels: FIELD_LABELS },
  {
    name: 'listingIds',
    kind: 'list',
    label: 'admin.package.listingIds',
    hint: 'admin.package.listingIdsHint',
    minItems: 1,
    maxItems: 50,
    itemMax: 40,
    pattern: ID,
    patternKey: 'event.idInvalid',
  },
  { name: 'published', kind: 'checkbox', label: 'admin.publishNow' },
];

export function usePackageSpec(): ContentSpec<PackageSummary> {
  const { t, label, locale } = useT();
  return {
    specs: packageFields,
    empty: { title: '', description: '', field: FIELDS[0], listingIds: '', published: false },
    list: (q, signal) => api.listPackages(q, signal) as unknown as ReturnType<ContentSpec<PackageSummary>['list']>,
    get: async (id, signal) => {
      const p = await api.adminPackage(id, signal);
      return { ...p, listingIds: p.listingIds ?? p.listings.map((l) => l.id) };
    },
    create: (input) => api.createPackage(input as never),
    update: (id, input) => api.updatePackage(id, input),
    remove: (id) => api.deletePackage(id),
    meta: (p) => (
      <Meta
        parts={[
          label(fieldLabel(p.field)),
          t(pluralKey(locale, 'packages.count', p.listingCount), { count: p.listingCount }),
        ]}
      />
    ),
  };
}
