import type { IpType } from './listing.js';

/**
 * What the law asks before an assignment of each kind of IP takes effect (DOMAIN.md "Formalities by IP type").
 * - `register`: the assignment takes effect only when the authority registers it, so the deal completes on the
 *   recorded registration: patents and utility models (Patent Law Art. 10: CNIPA), layout-designs of integrated
 *   circuits (Regulations on the Protection of Layout-Designs of Integrated Circuits, Art. 22: CNIPA) and plant
 *   varieties (Regulations on the Protection of New Varieties of Plants, Art. 9: the examination authority).
 *   DOMAIN.md calls the plant-variety registry optional; Art. 9 makes an assignment effective from its
 *   registration, so the law wins here and plant varieties are registered like patents.
 * - `optional`: software copyright may be recorded with the Copyright Protection Center (Measures for the
 *   Registration of Computer Software Copyright, Art. 2), which is evidence, not a condition: the deal completes on
 *   accepted delivery of the technical documents, and the seller may record the registration as well.
 * - `none`: a trade secret, know-how or other result passes by delivery of the technical documents (Civil Code
 *   Art. 862, Art. 866 for the transferor's duty to hand them over), accepted by the buyer.
 */
export type AssignmentFormality = 'register' | 'optional' | 'none';

export function assignmentFormality(ipType: IpType | null | undefined): AssignmentFormality {
  switch (ipType) {
    case 'invention_patent':
    case 'utility_model':
    case 'ic_layout':
    case 'plant_variety':
      return 'register';
    case 'software_copyright':
      return 'optional';
    default:
      return 'none';
  }
}

/**
 * A patent licence contract is filed with CNIPA within 3 months of taking effect (Implementing Rules of the
 * Patent Law, Art. 15); no such filing exists for other IP, so no deadline runs.
 */
export function licenceFilingRequired(ipType: IpType | null | undefined): boolean {
  return ipType === 'invention_patent' || ipType === 'utility_model';
}
