import type {
  Bid,
  OfferingInput,
  OfferingQuery,
  OfferingSummary,
  OfferingView,
  Registration,
  RelistInput,
} from '../offerings/types.js';
import type { Page } from './types.js';
import { seg, type Http } from './http.js';

/** Listed trading (挂牌) and online bidding (网络竞价): DOMAIN.md "Pricing routes". */
export function offeringEndpoints({ get, post, blob }: Http) {
  const at = (id: string) => `/api/offerings/${seg(id)}`;
  return {
    listOfferings: (q: OfferingQuery, signal?: AbortSignal) => get<Page<OfferingSummary>>('/api/offerings', q, signal),
    getOffering: (id: string, signal?: AbortSignal) => get<OfferingView>(at(id), undefined, signal),
    createOffering: (input: OfferingInput) => post<OfferingView>('/api/offerings', input),
    registerForOffering: (id: string) => post<Registration>(`${at(id)}/registrations`),
    recordDeposit: (id: string, registrationId: string, reference: string) =>
      post<Registration>(`${at(id)}/registrations/${seg(registrationId)}/deposit`, { reference }),
    placeBid: (id: string, amount: number) => post<Bid>(`${at(id)}/bids`, { amount }),
    cancelOffering: (id: string, reason: string) => post<OfferingView>(`${at(id)}/cancel`, { reason }),
    relistOffering: (id: string, input: RelistInput) => post<OfferingView>(`${at(id)}/relist`, input),
    offeringConfirmation: (id: string) => blob(`${at(id)}/confirmation`),
  };
}
