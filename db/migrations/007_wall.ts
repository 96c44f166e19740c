// Schema changes of the wall-screen and LAN-sharing feature.
export const sql = /* sql */ ``;
