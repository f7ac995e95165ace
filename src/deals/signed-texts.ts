import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { dealDocuments } from '../db/schema/deals.js';
import type { AuthUser } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { DbOrTx } from '../platform/db.js';
import { newId } from '../platform/ids.js';

// What the NDA and the contract share: a text named by the SHA-256 of its UTF-8 bytes, and the signed text kept
// with the deal's documents (immutable: deal documents are never rewritten), so the stored file's own sha256 is
// the hash the signature names.

export const sha256Text = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const MIME = 'text/plain; charset=utf-8';

/** After an accepted signature, in its transaction: the signed text is kept with the deal's documents. */
export async function keepSignedText(
  ctx: AppContext,
  tx: DbOrTx,
  dealId: string,
  caller: AuthUser,
  filename: string,
  text: string,
) {
  const data = Buffer.from(text, 'utf8');
  const stored = await ctx.storage.put(data);
  await tx.insert(dealDocuments).values({
    id: newId('ddc'),
    dealId,
    filename,
    mimeType: MIME,
    size: data.length,
    sha256: stored.sha256,
    storageKey: stored.key,
    uploadedBy: caller.id,
  });
}

/**
 * The text last kept under this filename for the deal (ids sort by creation time), or null: the text a party
 * signed, read back from storage as it was kept.
 */
export async function lastSignedText(ctx: AppContext, db: DbOrTx, dealId: string, filename: string) {
  const [row] = await db
    .select({ storageKey: dealDocuments.storageKey })
    .from(dealDocuments)
    .where(and(eq(dealDocuments.dealId, dealId), eq(dealDocuments.filename, filename)))
    .orderBy(desc(dealDocuments.id))
    .limit(1);
  return row ? (await ctx.storage.get(row.storageKey)).toString('utf8') : null;
}
