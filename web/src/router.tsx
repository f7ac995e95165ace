import { lazy } from 'react';
import { LANDING_LOADERS, landingPageOf, type LandingPage } from './landing.js';
import { lazyPage } from './lib/lazyPage.js';
import { Navigate, createBrowserRouter, useLocation, useParams } from 'react-router';
import { Layout } from './components/Layout.js';

// Every page is its own chunk, fetched when first visited; the shell (layout, i18n, API client) is the
// only code every visitor downloads.
const Home = lazyPage(LANDING_LOADERS.home);
const Search = lazyPage(LANDING_LOADERS.search);
const ListingDetail = lazyPage(LANDING_LOADERS.listing);
const LANDING: Record<LandingPage, { preload(): Promise<unknown> }> = {
  home: Home,
  search: Search,
  listing: ListingDetail,
};

/**
 * Loads the page chunk for `pathname` when it is a landing page (resolves at once otherwise), so that it renders
 * at once instead of behind a Suspense fallback. early.ts has requested the chunk and the search results already.
 */
export function preloadLandingPage(pathname: string): Promise<unknown> {
  const page = landingPageOf(pathname);
  return page ? LANDING[page].preload() : Promise.resolve();
}
const Demands = lazy(() => import('./pages/Demands.js'));
const Policies = lazy(() => import('./pages/Policies.js'));
const PolicyDetail = lazy(() => import('./pages/PolicyDetail.js'));
const DemandDetail = lazy(() => import('./pages/DemandDetail.js'));
const Cases = lazy(() => import('./pages/Cases.js'));
const CaseDetail = lazy(() => import('./pages/CaseDetail.js'));
const Statistics = lazy(() => import('./pages/Statistics.js'));
const Notices = lazy(() => import('./pages/Notices.js'));
const Offerings = lazy(() => import('./pages/Offerings.js'));
const Offering = lazy(() => import('./pages/Offering.js'));
const NewOffering = lazy(() => import('./pages/NewOffering.js'));
const Packages = lazy(() => import('./pages/Packages.js'));
const PackageDetail = lazy(() => import('./pages/PackageDetail.js'));
const Login = lazy(() => import('./pages/Login.js'));
const Register = lazy(() => import('./pages/Register.js'));
const Profile = lazy(() => import('./pages/Profile.js'));
const SellerListings = lazy(() => import('./pages/SellerListings.js'));
const ListingEditor = lazy(() => import('./pages/ListingEditor.js'));
const MyDeals = lazy(() => import('./pages/MyDeals.js'));
const DealRoom = lazy(() => import('./pages/DealRoom.js'));
const Invoices = lazy(() => import('./pages/Invoices.js'));
const Notifications = lazy(() => import('./pages/Notifications.js'));
const SavedSearches = lazy(() => import('./pages/SavedSearches.js'));
const BrokerDesk = lazy(() => import('./pages/BrokerDesk.js'));
const HalfYearReport = lazy(() => import('./pages/HalfYearReport.js'));
const AdminLayout = lazy(() => import('./pages/admin/AdminLayout.js'));
const AdminDashboard = lazy(() => import('./pages/admin/Dashboard.js'));
const ReviewQueue = lazy(() => import('./pages/admin/ReviewQueue.js'));
const PoliciesAdmin = lazy(() => import('./pages/admin/ContentPages.js').then((m) => ({ default: m.PoliciesAdmin })));
const CasesAdmin = lazy(() => import('./pages/admin/ContentPages.js').then((m) => ({ default: m.CasesAdmin })));
const PackagesAdmin = lazy(() => import('./pages/admin/ContentPages.js').then((m) => ({ default: m.PackagesAdmin })));
const VouchersAdmin = lazy(() => import('./pages/admin/Vouchers.js'));
const ReportsAdmin = lazy(() => import('./pages/admin/Reports.js'));
const AuditAdmin = lazy(() => import('./pages/admin/Audit.js'));
const Team = lazy(() => import('./pages/Team.js'));
const AcceptInvitation = lazy(() => import('./pages/AcceptInvitation.js'));
const PasswordResetRequest = lazy(() =>
  import('./pages/PasswordReset.js').then((m) => ({ default: m.PasswordResetRequest })),
);
const PasswordResetConfirm = lazy(() =>
  import('./pages/PasswordReset.js').then((m) => ({ default: m.PasswordResetConfirm })),
);
const MailSettings = lazy(() => import('./pages/MailSettings.js'));
const NotFound = lazy(() => import('./pages/NotFound.js'));

// Notifications about a returned registration link to the listing under /seller: that is its editor.
function SellerListingRedirect() {
  const { id = '' } = useParams();
  return <Navigate to={`/seller/listings/${encodeURIComponent(id)}/edit`} replace />;
}

// The bureau's report notifications link to /reports/half-year?year=…&half=…: the same page, one address.
function HalfYearReportRedirect() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/reports', search }} replace />;
}

export const routes = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'search', element: <Search /> },
      { path: 'listings/:id', element: <ListingDetail /> },
      { path: 'demands', element: <Demands /> },
      { path: 'demands/:id', element: <DemandDetail /> },
      { path: 'policies', element: <Policies /> },
      { path: 'policies/:id', element: <PolicyDetail /> },
      { path: 'cases', element: <Cases /> },
      { path: 'cases/:id', element: <CaseDetail /> },
      { path: 'statistics', element: <Statistics /> },
      { path: 'notices', element: <Notices /> },
      { path: 'offerings', element: <Offerings /> },
      { path: 'offerings/:id', element: <Offering /> },
      { path: 'packages', element: <Packages /> },
      { path: 'packages/:id', element: <PackageDetail /> },
      { path: 'login', element: <Login /> },
      { path: 'register', element: <Register /> },
      { path: 'profile', element: <Profile /> },
      { path: 'organization', element: <Team /> },
      { path: 'invitations/accept', element: <AcceptInvitation /> },
      { path: 'password-reset', element: <PasswordResetRequest /> },
      { path: 'password-reset/confirm', element: <PasswordResetConfirm /> },
      { path: 'settings/mail', element: <MailSettings /> },
      { path: 'seller', element: <SellerListings /> },
      { path: 'seller/listings/new', element: <ListingEditor /> },
      { path: 'seller/listings/:id/edit', element: <ListingEditor /> },
      { path: 'seller/listings/:id', element: <SellerListingRedirect /> },
      { path: 'seller/offerings/new', element: <NewOffering /> },
      { path: 'deals', element: <MyDeals /> },
      { path: 'deals/:id', element: <DealRoom /> },
      { path: 'invoices', element: <Invoices /> },
      { path: 'notifications', element: <Notifications /> },
      { path: 'saved-searches', element: <SavedSearches /> },
      { path: 'broker', element: <BrokerDesk /> },
      { path: 'reports', element: <HalfYearReport /> },
      { path: 'reports/half-year', element: <HalfYearReportRedirect /> },
      {
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <AdminDashboard /> },
          { path: 'review', element: <ReviewQueue /> },
          { path: 'policies', element: <PoliciesAdmin /> },
          { path: 'cases', element: <CasesAdmin /> },
          { path: 'packages', element: <PackagesAdmin /> },
          { path: 'vouchers', element: <VouchersAdmin /> },
          { path: 'reports', element: <ReportsAdmin /> },
          { path: 'audit', element: <AuditAdmin /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
