// A request to open the grant editor of one grant the next time its case's grants are shown. The
// pull feature asks for it after "Ændres inden for rammen"; the economy feature, which owns the
// editor, takes it. Neither imports the other.
let pending: number | null = null;

export function requestGrantEditor(grantId: number): void {
  pending = grantId;
}

/** The requested grant, once: taken only by the grants section that shows it. */
export function takeGrantEditorRequest(grantIds: readonly number[]): number | null {
  if (pending === null || !grantIds.includes(pending)) return null;
  const grantId = pending;
  pending = null;
  return grantId;
}
