import { ApiClient } from './client.js';
import { endpoints } from './endpoints.js';
import { localStorageTokens, memoryTokens, type TokenStore } from './tokens.js';

function browserTokens(): TokenStore {
  try {
    return localStorageTokens(window.localStorage);
  } catch {
    // Storage disabled by the browser's privacy settings: the session then lasts as long as the page.
    return memoryTokens();
  }
}

/** The app's one client: same origin, tokens in localStorage. */
export const client = new ApiClient({ tokens: browserTokens() });
export const api = endpoints(client);
