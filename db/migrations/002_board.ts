// Schema changes of the board feature (filled in when the feature lands; empty steps are dropped before release).
export const sql = /* sql */ ``;
