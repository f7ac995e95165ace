import { ContentAdmin } from '../../admin/ContentAdmin.js';
import { useCaseSpec, usePackageSpec, usePolicySpec } from '../../admin/contentSpecs.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useT } from '../../i18n/I18nProvider.js';

export function PoliciesAdmin() {
  const { t } = useT();
  usePageTitle(t('nav.policies'));
  return <ContentAdmin spec={usePolicySpec()} title={t('policies.title')} />;
}

export function CasesAdmin() {
  const { t } = useT();
  usePageTitle(t('admin.cases'));
  return <ContentAdmin spec={useCaseSpec()} title={t('admin.cases')} />;
}

export function PackagesAdmin() {
  const { t } = useT();
  usePageTitle(t('nav.packages'));
  return <ContentAdmin spec={usePackageSpec()} title={t('packages.title')} />;
}
