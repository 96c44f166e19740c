// Methods of the economics feature; the contract spreads them in (shared/api/contract.ts).
// getBottomLine is named here already because the weekly flow review and wall screen use it.
export const economyMethods = {};
