import { useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/errors.js';
import type { Page } from '../api/types.js';
import { CursorListView } from '../components/CursorListView.js';
import { Loading, ErrorState } from '../components/states.js';
import { useT } from '../i18n/I18nProvider.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useResource } from '../lib/useResource.js';
import { SpecFields } from './SpecFields.js';
import { specFromRecord, specToInput, validateSpec, type FieldSpec, type SpecValues } from './specForm.js';

export interface ContentSpec<Item extends { id: string; title: string; published?: boolean }> {
  specs: FieldSpec[];
  empty: SpecValues;
  list(q: { limit: number; cursor?: string }, signal: AbortSignal): Promise<Page<Item>>;
  get(id: string, signal: AbortSignal): Promise<Record<string, unknown>>;
  create(input: Record<string, unknown>): Promise<unknown>;
  update(id: string, input: Record<string, unknown>): Promise<unknown>;
  remove(id: string): Promise<void>;
  meta(item: Item): ReactNode;
}

function Editor<Item extends { id: string; title: string }>({
  spec,
  initial,
  id,
  onDone,
}: {
  spec: ContentSpec<Item>;
  initial: SpecValues;
  id: string | null;
  onDone(saved: boolean): void;
}) {
  const { t } = useT();
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const problems = validateSpec(spec.specs, values);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setError(null);
    if (Object.keys(problems).length) {
      setError(t('form.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const input = specToInput(spec.specs, values);
      if (id) await spec.update(id, input);
      else await spec.create(input);
      onDone(true);
    } catch (err) {
      if (isApiError(err, 'VALIDATION_FAILED')) {
        const byField: Record<string, string> = {};
        for (const fe of err.errors) {
          const name = fe.path.replace(/^body\./, '').split('.')[0];
          byField[name] ??= fe.message;
        }
        setServer(byField);
        setError(t('form.fixErrors'));
      } else setError(isApiError(err) ? err.detail : t('state.error'));
      setSaving(false);
    }
  };

  return (
    <form
      className="card form admin-editor"
      noValidate
      onSubmit={submit}
      aria-label={id ? t('common.edit') : t('admin.new')}
    >
      <SpecFields
        specs={spec.specs}
        values={values}
        set={(name, value) => {
          setValues((v) => ({ ...v, [name]: value }));
          setServer((s) => ({ ...s, [name]: '' }));
        }}
        errorOf={(name) =>
          attempted && problems[name] ? t(problems[name].key, problems[name].vars) : server[name] || null
        }
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function EditExisting<Item extends { id: string; title: string }>({
  spec,
  id,
  onDone,
}: {
  spec: ContentSpec<Item>;
  id: string;
  onDone(saved: boolean): void;
}) {
  const record = useResource((signal) => spec.get(id, signal), [id]);
  if (record.status === 'loading') return <Loading minHeight="20rem" />;
  if (record.status === 'error') return <ErrorState error={record.error} onRetry={record.reload} />;
  return <Editor spec={spec} id={id} initial={specFromRecord(spec.specs, record.data, spec.empty)} onDone={onDone} />;
}

function Items<Item extends { id: string; title: string; published?: boolean }>({
  spec,
  onEdit,
}: {
  spec: ContentSpec<Item>;
  onEdit(id: string): void;
}) {
  const { t } = useT();
  const list = useCursorList((cursor, signal) => spec.list({ limit: 20, cursor }, signal));
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const remove = async (item: Item) => {
    if (!window.confirm(t('admin.confirmDelete', { title: item.title }))) return;
    try {
      await spec.remove(item.id);
      setRemoved((s) => new Set(s).add(item.id));
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('state.error'));
    }
  };
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <CursorListView list={{ ...list, items: list.items.filter((i) => !removed.has(i.id)) }} minHeight="12rem">
        {(item) => (
          <article className="card admin-row">
            <div className="row-heading">
              <h3 className="card-title">{item.title}</h3>
              {item.published !== undefined && (
                <span className={`chip chip-${item.published ? 'good' : 'neutral'}`}>
                  {t(item.published ? 'admin.published' : 'admin.unpublished')}
                </span>
              )}
            </div>
            <div className="card-meta">{spec.meta(item)}</div>
            <div className="row-actions">
              <button type="button" className="button button-secondary" onClick={() => onEdit(item.id)}>
                {t('common.edit')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => void remove(item)}>
                {t('common.delete')}
              </button>
            </div>
          </article>
        )}
      </CursorListView>
    </>
  );
}

/** A list of the bureau's content with create, edit and delete; the list reloads after each save. */
export function ContentAdmin<Item extends { id: string; title: string; published?: boolean }>({
  spec,
  title,
}: {
  spec: ContentSpec<Item>;
  title: string;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [generation, setGeneration] = useState(0);
  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) setGeneration((g) => g + 1);
  };
  return (
    <section aria-labelledby="content-admin-title">
      <div className="section-heading">
        <h2 id="content-admin-title">{title}</h2>
        {editing === null && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('admin.new')}
          </button>
        )}
      </div>
      {editing === 'new' && <Editor spec={spec} id={null} initial={spec.empty} onDone={done} />}
      {editing && editing !== 'new' && <EditExisting key={editing} spec={spec} id={editing} onDone={done} />}
      <Items key={generation} spec={spec} onEdit={setEditing} />
    </section>
  );
}
