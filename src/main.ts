import { serve } from './serve.js';

serve().catch((err) => {
  console.error(err);
  process.exit(1);
});
