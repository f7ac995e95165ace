import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.js';

// Every page is its own chunk, fetched when first visited; the shell (layout, i18n, API client) is the
// only code every visitor downloads.
const Home = lazy(() => import('./pages/Home.js'));
const Search = lazy(() => import('./pages/Search.js'));
const ListingDetail = lazy(() => import('./pages/ListingDetail.js'));
const Demands = lazy(() => import('./pages/Demands.js'));
const Policies = lazy(() => import('./pages/Policies.js'));
const Packages = lazy(() => import('./pages/Packages.js'));
const PackageDetail = lazy(() => import('./pages/PackageDetail.js'));
const Login = lazy(() => import('./pages/Login.js'));
const Register = lazy(() => import('./pages/Register.js'));
const Profile = lazy(() => import('./pages/Profile.js'));
const NotFound = lazy(() => import('./pages/NotFound.js'));

export const routes = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'search', element: <Search /> },
      { path: 'listings/:id', element: <ListingDetail /> },
      { path: 'demands', element: <Demands /> },
      { path: 'policies', element: <Policies /> },
      { path: 'packages', element: <Packages /> },
      { path: 'packages/:id', element: <PackageDetail /> },
      { path: 'login', element: <Login /> },
      { path: 'register', element: <Register /> },
      { path: 'profile', element: <Profile /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
