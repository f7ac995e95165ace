import { Type } from 'typebox';
import { Id } from '../platform/http.js';

const Words = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const AdviceParams = Type.Object({ id: Id, adviceId: Id }, { additionalProperties: false });

export const AdviceBody = Type.Object(
  {
    amount: Type.Integer({
      minimum: 1,
      maximum: 100_000_000_000_000,
      description: 'Money in fen; at most the balance',
    }),
    paidOn: Type.String({ format: 'date', maxLength: 10, description: 'China calendar date paid, YYYY-MM-DD' }),
    reference: Words(100),
    receiptId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const DisputeBody = Type.Object({ reason: Words(1000) }, { additionalProperties: false });

export const ReceiptSchema = Type.Object(
  {
    id: Type.String(),
    filename: Type.String(),
    mimeType: Type.String(),
    size: Type.Integer(),
    createdAt: Type.String(),
  },
  { $id: 'InvoiceReceipt' },
);
