// The extension points of Feature.slots, gathered once from the registry at start-up. The board
// and economy read them while rendering instead of importing the features that fill them: the
// registry imports every feature, so a feature importing the registry back would close a circle.
import type { Feature, Slots } from './types';

let installed: Slots = { caseDetailSections: [], cardBadges: [], grantSections: [], grantDraftNotes: [] };

function gather<K extends keyof Slots>(features: readonly Feature[], slot: K): Slots[K] {
  const entries = features.flatMap((f) => (f.slots?.[slot] ?? []) as readonly Slots[K][number][]);
  return Object.freeze([...entries].sort((a, b) => a.order - b.order)) as Slots[K];
}

export function installSlots(features: readonly Feature[]): void {
  installed = {
    caseDetailSections: gather(features, 'caseDetailSections'),
    cardBadges: gather(features, 'cardBadges'),
    grantSections: gather(features, 'grantSections'),
    grantDraftNotes: gather(features, 'grantDraftNotes'),
  };
}

/** The same arrays on every call after start-up, so a card may call the badge hooks in a loop. */
export function slots(): Slots {
  return installed;
}
