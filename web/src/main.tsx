import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth/AuthProvider.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { createRouter, preloadLandingPage } from './router.js';
import './styles.css';
import './workspace.css';

// A failed chunk load still renders: the page's own lazy import then retries and shows the error boundary.
void preloadLandingPage(window.location.pathname)
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nProvider>
          <AuthProvider>
            <RouterProvider router={createRouter()} />
          </AuthProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  );
