import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/errors.js';
import { api } from '../api/index.js';
import type { Listing } from '../api/types.js';
import { RequireRole } from '../auth/RequireRole.js';
import { MISSING_BY_ID, ResourceView } from '../components/ResourceView.js';
import { usePageTitle } from '../components/usePageTitle.js';
import { useT } from '../i18n/I18nProvider.js';
import { hasProblems } from '../lib/problems.js';
import { useResource } from '../lib/useResource.js';
import { Attachments } from '../seller/Attachments.js';
import { BasicFields, ConfidentialFields, PeopleFields, TransferFields } from '../seller/ListingFields.js';
import { showProblem, type FieldsProps } from '../seller/ListingInputs.js';
import {
  EMPTY_LISTING,
  listingToValues,
  toListingInput,
  validateListing,
  type ListingErrors,
  type ListingFormValues,
} from '../seller/listingForm.js';

// Server paths (`body.contact.phone`, `body.ipNumbers.2`, `body.inventors.0.name`) under the form's field names.
function formField(path: string): keyof ListingErrors | null {
  const parts = path.replace(/^body\./, '').split('.');
  if (parts[0] === 'contact')
    return parts[1] === 'phone' ? 'contactPhone' : parts[1] === 'email' ? 'contactEmail' : 'contactName';
  if (parts[0] === 'inventors' && parts.length === 3)
    return `inventors.${Number(parts[1])}.${parts[2] === 'title' ? 'title' : 'name'}`;
  return parts[0] in EMPTY_LISTING ? (parts[0] as keyof ListingErrors) : null;
}

function Editor({ listing }: { listing: Listing | null }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [values, setValues] = useState<ListingFormValues>(() => (listing ? listingToValues(listing) : EMPTY_LISTING));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [saved, setSaved] = useState(false);

  const problems = validateListing(values);
  const fields: FieldsProps = {
    values,
    errorOf: (field) =>
      (attempted || touched.has(field)) && problems[field]
        ? showProblem(t, problems[field])
        : (serverErrors[field] ?? null),
    set: (field, value) => {
      setValues((v) => ({ ...v, [field]: value }));
      setServerErrors((e) => ({ ...e, [field]: undefined }));
      setSaved(false);
    },
    touch: (field) => setTouched((s) => new Set(s).add(field)),
  };

  const save = async (andSubmit: boolean) => {
    setAttempted(true);
    setFormError(null);
    if (hasProblems(problems)) {
      setFormError(t('form.fixErrors'));
      return;
    }
    setSaving(andSubmit ? 'submit' : 'draft');
    try {
      const input = toListingInput(values);
      const stored = listing ? await api.updateListing(listing.id, input) : await api.createListing(input);
      if (andSubmit) {
        await api.submitListing(stored.id);
        void navigate('/seller', { state: { flash: 'submitted', title: stored.title } });
        return;
      }
      setSaved(true);
      if (!listing)
        void navigate(`/seller/listings/${encodeURIComponent(stored.id)}/edit`, {
          replace: true,
          state: { flash: 'created' },
        });
    } catch (err) {
      if (isApiError(err, 'VALIDATION_FAILED') && err.errors.length) {
        const next: Record<string, string> = {};
        for (const e of err.errors) {
          const f = formField(e.path);
          if (f && !next[f]) next[f] = e.message;
        }
        setServerErrors(next);
        setFormError(t('form.fixErrors'));
      } else if (isApiError(err, 'INVALID_TRANSITION')) setFormError(t('listingForm.notEditable'));
      else setFormError(isApiError(err) ? err.detail : t('state.error'));
    } finally {
      setSaving(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  return (
    <>
      <form
        className="form listing-form"
        noValidate
        onSubmit={submit}
        aria-describedby={formError ? 'listing-form-error' : undefined}
      >
        <BasicFields p={fields} />
        <TransferFields p={fields} />
        <PeopleFields p={fields} />
        <ConfidentialFields p={fields} />
        <div className="form-actions sticky-actions">
          {formError && (
            <p id="listing-form-error" className="form-error" role="alert">
              {formError}
            </p>
          )}
          {saved && (
            <p className="form-ok" role="status">
              {t('listingForm.saved')}
            </p>
          )}
          <button type="submit" className="button button-secondary" disabled={saving !== null}>
            {saving === 'draft' ? t('common.saving') : t('listingForm.saveDraft')}
          </button>
          <button type="button" className="button" disabled={saving !== null} onClick={() => void save(true)}>
            {saving === 'submit' ? t('common.saving') : t('listingForm.saveAndSubmit')}
          </button>
        </div>
      </form>
      {listing ? (
        <Attachments listingId={listing.id} initial={listing.attachments} />
      ) : (
        <p className="notice">{t('attachments.afterSave')}</p>
      )}
    </>
  );
}

function EditExisting({ id }: { id: string }) {
  const { t } = useT();
  const listing = useResource((signal) => api.getListing(id, signal), [id]);
  return (
    <ResourceView resource={listing} missingCodes={MISSING_BY_ID} minHeight="60vh" empty={t('listing.notFound')}>
      {(l) =>
        l.status === 'draft' || l.status === 'rejected' ? (
          <>
            {l.status === 'rejected' && l.rejectionReason && (
              <div className="notice notice-warning" role="note">
                <strong>{t('seller.reviewFeedback')}</strong>
                <p className="prose">{l.rejectionReason}</p>
              </div>
            )}
            <Editor key={l.id} listing={l} />
          </>
        ) : (
          <p className="notice">
            {t('listingForm.notEditable')} <Link to={`/listings/${encodeURIComponent(l.id)}`}>{t('seller.view')}</Link>
          </p>
        )
      }
    </ResourceView>
  );
}

export default function ListingEditor() {
  const { t } = useT();
  const { id } = useParams();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const title = id ? t('listingForm.editTitle') : t('listingForm.newTitle');
  usePageTitle(title);
  return (
    <div className="container narrow-wide">
      <p className="breadcrumb">
        <Link to="/seller">{t('seller.title')}</Link>
      </p>
      <h1>{title}</h1>
      {flash === 'created' && (
        <p className="notice" role="status">
          {t('listingForm.created')}
        </p>
      )}
      <RequireRole roles={['seller']}>{() => (id ? <EditExisting id={id} /> : <Editor listing={null} />)}</RequireRole>
    </div>
  );
}
