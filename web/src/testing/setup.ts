import { configure } from '@testing-library/react';

// A page's first render in a test file waits for its lazy chunk, which vitest transforms on first import: on a
// busy 2-core machine that took longer than testing-library's default 1 s wait, and tests failed by timing
// alone. The wait bounds how long a query may take, it asserts no speed.
configure({ asyncUtilTimeout: 5_000 });
