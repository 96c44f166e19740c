// Schema changes of the sprints and strategic action plans feature.
export const sql = /* sql */ ``;
