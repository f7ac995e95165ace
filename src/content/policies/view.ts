import type { PolicyRow } from './indexing.js';

// What anyone may see of a policy: every column but the author and the deletion mark.
export function policySummary(row: PolicyRow) {
  return {
    id: row.id,
    title: row.title,
    issuingBody: row.issuingBody,
    documentNumber: row.documentNumber,
    issuedOn: row.issuedOn,
    year: Number(row.issuedOn.slice(0, 4)),
    level: row.level,
    category: row.category,
    tags: row.tags,
    sourceUrl: row.sourceUrl,
    published: row.published,
    updatedAt: row.updatedAt,
  };
}

export const policyView = (row: PolicyRow) => ({ ...policySummary(row), body: row.body, createdAt: row.createdAt });
