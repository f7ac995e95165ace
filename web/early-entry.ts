import type { Plugin } from 'vite';

const EARLY = '/src/early.ts';

/**
 * Puts src/early.ts in the page as a module script of its own, ahead of the app's entry. Vite merges every
 * module script of index.html into one entry, so the early one would wait for React like the rest: built as a
 * separate entry (rolldown input `early`) and named here, it runs as soon as its few small modules arrive and
 * requests the landing page's data and chunk while the shell is still downloading.
 */
export function earlyEntry(): Plugin {
  return {
    name: 'tte-early-entry',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = bundle
          ? Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early')
          : undefined;
        if (bundle && !chunk) throw new Error('tte-early-entry: the build has no "early" entry chunk');
        const src = chunk ? `/${chunk.fileName}` : EARLY;
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src }, injectTo: 'head-prepend' }];
      },
    },
  };
}
