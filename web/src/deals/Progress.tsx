import type { ReactNode } from 'react';
import type {
  CooperationProgress,
  Deal,
  EquityProgress,
  LicenseProgress,
  TransferProgress,
} from '../api/deal-types.js';
import { Facts } from '../components/Facts.js';
import { formatFen } from '../i18n/format.js';
import { PARTY_LABELS } from './labels.js';
import { useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/zh-CN.js';

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  if (rows.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const DELIVERY_STATUS = {
  delivered: 'progress.deliveryDelivered',
  rejected: 'progress.deliveryRejected',
  accepted: 'progress.deliveryAccepted',
} as const;

/** The documents handed over where the IP passes by delivery (machine version 3), with the buyer's answer. */
function useDelivered() {
  const { t, date } = useT();
  return (deal: Deal): [MessageKey, ReactNode] => {
    const d = deal.delivery;
    const last = d?.rejections.at(-1);
    return [
      'progress.delivery',
      d &&
        `${t(DELIVERY_STATUS[d.status])} · ${d.documents} · ${date(d.acceptedAt ?? d.deliveredAt, true)}${
          d.status === 'rejected' && last ? ` · ${last.reason}` : ''
        }`,
    ];
  };
}

/**
 * The technology-contract registration: number, registry, date, certified income, and whether the registry has
 * confirmed it. A registration recorded before registry, date and income were asked for shows its number alone.
 */
function registrationText(
  r: Deal['contractRegistration'],
  t: ReturnType<typeof useT>['t'],
  date: ReturnType<typeof useT>['date'],
): string | null {
  if (!r) return null;
  const parts = [r.registrationNo, r.registry, r.registeredOn && date(r.registeredOn)];
  if (r.certifiedIncome !== null) parts.push(formatFen(r.certifiedIncome));
  parts.push(t(r.confirmedAt ? 'progress.registrationConfirmed' : 'progress.registrationUnconfirmed'));
  return parts.filter(Boolean).join(' · ');
}

/** After signing, what each form has to do: royalties and filing, instalments and recordal, appraisal and shares, milestones. */
export function Progress({ deal }: { deal: Deal }) {
  const { t, date, label } = useT();
  const delivered = useDelivered();
  const p = deal.progress;
  const common: Array<[MessageKey, ReactNode]> = [
    ['progress.signedAt', deal.contract.signedAt && date(deal.contract.signedAt, true)],
    ['progress.contractRegistration', registrationText(deal.contractRegistration, t, date)],
    [
      'progress.closure',
      deal.closure && `${date(deal.closure.at, true)}${deal.closure.reason ? ` · ${deal.closure.reason}` : ''}`,
    ],
  ];
  if (!p) return <Facts rows={common} />;
  if (deal.type === 'license') {
    const l = p as LicenseProgress;
    return (
      <>
        <Facts
          rows={[
            ...common,
            [
              'progress.filingDue',
              l.filingDueAt
                ? `${date(l.filingDueAt)}${l.filingLate ? ` · ${t('progress.filingLate')}` : ''}`
                : t('progress.filingNotRequired'),
            ],
            ['progress.filing', l.filing && `${l.filing.filingNo} · ${date(l.filing.filedAt)}`],
            ['progress.endsAt', l.endsAt && date(l.endsAt)],
            [
              'progress.completionAgreed',
              l.completionAgreedBy?.length ? l.completionAgreedBy.map((r) => label(PARTY_LABELS[r])).join('、') : null,
            ],
          ]}
        />
        {l.licenceYears?.length ? (
          <Table
            caption={t('progress.licenceYears')}
            head={[t('progress.licenceYear'), t('progress.royalty'), t('progress.shortfall')]}
            rows={l.licenceYears.map((y) => [
              `${y.year} · ${date(y.endsAt)}`,
              formatFen(y.royalties),
              formatFen(y.shortfall),
            ])}
          />
        ) : null}
        <Table
          caption={t('progress.royalties')}
          head={[t('event.period'), t('event.netSales'), t('progress.royalty')]}
          rows={l.royaltyReports.map((r) => [r.period, formatFen(r.netSales), formatFen(r.royalty)])}
        />
        <Table
          caption={t('terms.milestones')}
          head={[t('terms.itemName'), t('terms.amount'), t('progress.invoiced')]}
          rows={l.milestones.map((m) => [m.name, formatFen(m.amount), m.invoicedAt ? date(m.invoicedAt) : '—'])}
        />
      </>
    );
  }
  if (deal.type === 'transfer') {
    const tr = p as TransferProgress;
    return (
      <>
        <Facts
          rows={[
            ...common,
            [
              'progress.assignment',
              tr.assignment && `${tr.assignment.registrationNo} · ${date(tr.assignment.registeredAt)}`,
            ],
            delivered(deal),
          ]}
        />
        <Table
          caption={t('terms.payments')}
          head={[t('terms.itemName'), t('terms.amount'), t('invoices.dueAt'), t('progress.status')]}
          rows={tr.instalments.map((i) => [
            i.name,
            formatFen(i.amount),
            date(i.dueAt),
            i.status === 'paid' ? t('progress.paid') : t('progress.invoicedOnly'),
          ])}
        />
      </>
    );
  }
  if (deal.type === 'equity') {
    const e = p as EquityProgress;
    return (
      <>
        <Facts
          rows={[
            ...common,
            [
              'progress.ipAssignment',
              e.ipAssignment && `${e.ipAssignment.registrationNo} · ${date(e.ipAssignment.registeredAt)}`,
            ],
            delivered(deal),
            ['progress.equityRegistration', e.equityRegistration?.registrationRef],
          ]}
        />
        <Table
          caption={t('progress.appraisals')}
          head={[
            t('event.appraiser'),
            t('event.reportNo'),
            t('event.appraisedValue'),
            t('terms.valuation'),
            t('progress.status'),
          ]}
          rows={e.appraisals.map((a) => [
            a.appraiser,
            a.reportNo,
            formatFen(a.appraisedValue),
            formatFen(a.valuation),
            a.outcome === 'confirmed' ? t('progress.confirmed') : t('progress.overvalued'),
          ])}
        />
      </>
    );
  }
  const c = p as CooperationProgress;
  const statusKey = {
    pending: 'progress.pending',
    delivered: 'progress.delivered',
    accepted: 'progress.accepted',
  } as const;
  return (
    <>
      <Facts rows={common} />
      <Table
        caption={t('terms.milestones')}
        head={[
          t('terms.itemName'),
          t('terms.amount'),
          t('terms.dueDate'),
          t('progress.status'),
          t('progress.changeRequests'),
        ]}
        rows={c.milestones.map((m) => [
          m.name,
          formatFen(m.amount),
          m.dueDate,
          t(statusKey[m.status]),
          m.changeRequests.map((r) => r.reason).join('；') || '—',
        ])}
      />
    </>
  );
}
