// The extract's canonical columns, apart from the parser so the API contract (loaded on every
// view) does not pull papaparse into the first load.
export const CANONICAL_COLUMNS = [
  'sagsnummer', 'borger_ref', 'borger_initialer', 'team', 'sagsbehandler', 'sagstype', 'paragraf', 'modtaget',
  'ydelse', 'leverandoer', 'leverandoertype', 'takst', 'takstenhed', 'omfang', 'start', 'slut', 'naeste_opfoelgning',
  'afgoerelsesdato',
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

