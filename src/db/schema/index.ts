export * from './accounts.js';
export * from './platform.js';
export * from './listings.js';
export * from './deals.js';
export * from './content.js';
export * from './invoices.js';
export * from './reports.js';
export * from './pricing.js';
