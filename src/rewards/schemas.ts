import { Type, type Static } from 'typebox';
import { Id, Nullable, OneOf, Timestamp } from '../platform/http.js';
import { REWARD_RATE_BOUNDS } from '../shared/rewards.js';

export const REWARD_STATUSES = ['owed', 'paid'] as const;

const Fen = (description: string) => Type.Integer({ minimum: 0, description });

export const RewardSchema = Type.Object(
  {
    id: Type.String(),
    dealId: Type.String(),
    invoiceId: Type.String(),
    paymentId: Type.String(),
    inventorName: Type.String(),
    shareBp: Type.Integer({ description: "The inventor's share of the reward, basis points" }),
    income: Fen('The payment received that the reward is computed from (net income: the amount received, before tax)'),
    rateBp: Type.Integer({ description: "The unit's reward rate when the payment was recorded, basis points" }),
    amount: Fen('The reward owed to this inventor, fen'),
    publicFrom: Timestamp,
    publicUntil: Type.String({ format: 'date-time', description: 'End of the 15-day publicity within the unit' }),
    status: OneOf(REWARD_STATUSES),
    paidOn: Nullable(Type.String({ format: 'date' })),
    reference: Nullable(Type.String()),
    createdAt: Timestamp,
  },
  { $id: 'InventorReward' },
);
export type RewardView = Static<typeof RewardSchema>;

export const DealRewardsSchema = Type.Object({
  items: Type.Array(RewardSchema),
  totals: Type.Object({ owed: Fen('Rewards not yet paid, fen'), paid: Fen('Rewards paid, fen') }),
});

export const RewardPaymentBody = Type.Object(
  {
    paidOn: Type.String({ format: 'date', maxLength: 10, description: 'China calendar date paid, not in the future' }),
    reference: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'Payroll or bank reference' }),
  },
  { additionalProperties: false },
);

export const RewardParams = Type.Object({ id: Id }, { additionalProperties: false });

export const RewardSettingsBody = Type.Object(
  {
    rewardRateBp: Type.Integer({
      minimum: REWARD_RATE_BOUNDS.min,
      maximum: REWARD_RATE_BOUNDS.max,
      description: "The unit's inventor reward rate, basis points of net income (Law Arts. 44–45; default 5000)",
    }),
  },
  { additionalProperties: false },
);
export const RewardSettingsSchema = Type.Object(
  { organizationId: Type.String(), rewardRateBp: Type.Integer() },
  { $id: 'OrganizationSettings' },
);
