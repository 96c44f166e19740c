// Schema changes of the grant-authority and visitation-committee feature.
export const sql = /* sql */ ``;
