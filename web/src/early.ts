import { startLanding } from './landing.js';

// The first entry of index.html: it imports only the API client and the search state, so the browser runs it
// while the shell's larger chunks (React, the router, the messages) are still downloading, and the landing
// page's data and chunk are requested that much earlier (tests/e2e/delivery.test.ts prints the effect).
startLanding(window.location.pathname, window.location.search);
