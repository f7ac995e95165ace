import { createElement, lazy, type ComponentType } from 'react';

/**
 * A page chunk loaded on demand, like React.lazy, that renders synchronously once its module is loaded.
 * React.lazy suspends on its first render even when the module is already there, and React holds a revealed
 * Suspense boundary back for up to 300 ms after its fallback showed: on a landing page that delay came after
 * the load event, before any content (tests/e2e/delivery.test.ts prints it). `preload()` loads the module ahead.
 */
export function lazyPage<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> & { preload(): Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(preload);
  const Page = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Page, { preload });
}
