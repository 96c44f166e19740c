// Methods of this feature; the contract spreads them in (shared/api/contract.ts).
export const committeeMethods = {};
