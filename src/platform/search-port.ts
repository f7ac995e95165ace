import type { Meilisearch } from 'meilisearch';

/**
 * The app's handle on the search engine. `client` is null when no engine is configured; `healthy()` answers
 * whether it responds now. Search is a projection: nothing that writes data waits for it.
 */
export interface SearchPort {
  client: Meilisearch | null;
  healthy(): Promise<boolean>;
}

export const noSearch: SearchPort = { client: null, healthy: async () => false };
