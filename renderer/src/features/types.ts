import type { ComponentType, LazyExoticComponent } from 'react';
import type { MethodName } from '../../../shared/api/contract';
import type { GrantFields } from '../../../shared/api/methods/grantFields';
import type { CaseCard, Grant } from '../../../shared/domain';

export interface ViewDef {
  /** Route id, shown in the URL as #/<id>. */
  id: string;
  /** i18n key of the menu label, "namespace:key". */
  labelKey: string;
  component: LazyExoticComponent<ComponentType> | ComponentType;
  /** Position in the menu. */
  order: number;
  /**
   * The method the view cannot work without: the menu offers the view only to people whose role
   * its access declaration allows (the host refuses the others anyway).
   */
  requires?: MethodName;
  /**
   * Shown alone, without the app header and without asking who is using the app: a wall screen
   * shows a team, not a person, and must not put anyone's name in the page.
   */
  standalone?: boolean;
}

/** A component a feature puts into another feature's page; loaded when first shown, like a view. */
export type SlotComponent<P> = LazyExoticComponent<ComponentType<P>> | ComponentType<P>;

export interface CaseDetailSectionProps {
  caseId: number;
  teamId: number;
  /** The grants as the case detail loaded them; they change after every save. */
  grants: Grant[];
  /** Asks the case detail to load the case again (after a save that changes its facts). */
  onChanged(): void;
}

/** A section of the board's case detail, between the edit form and the progression. */
export interface CaseDetailSection {
  id: string;
  /** Position among the registered sections. */
  order: number;
  component: SlotComponent<CaseDetailSectionProps>;
}

/** An i18n key ("namespace:key") with its values, translated by the board's card. */
export interface CardText {
  key: string;
  values?: Record<string, unknown>;
}

/** A badge on a card; the board translates and draws it, before its own badges. */
export interface CardBadgeView {
  className: string;
  /** A sign before the text, hidden from screen readers. */
  icon?: string;
  testId?: string;
  short: CardText;
  /** The tooltip, and the words a screen reader gets for the card. */
  long: CardText;
  /** A more precise statement of the card's age: the board leaves out its own "days in column" badge. */
  replacesAgeing?: boolean;
}

/**
 * A badge on the board's cards. The hook runs in every card (thousands), so it reads a store that
 * one request per team fills, never a request per card.
 */
export interface CardBadge {
  id: string;
  order: number;
  useBadge(card: CaseCard): CardBadgeView | null;
}

export interface GrantSectionProps {
  caseId: number;
}

/** A part of the case detail's grants section, below the grants and their actions. */
export interface GrantSection {
  id: string;
  order: number;
  component: SlotComponent<GrantSectionProps>;
}

export interface GrantDraftNoteProps {
  caseId: number;
  /** The grant being changed; absent for a new grant. */
  grantId?: number;
  /** The draft as the API takes it, or null while a field is incomplete. */
  fields: GrantFields | null;
}

/** A notice in the grant editor about the draft, before it is saved. */
export interface GrantDraftNote {
  id: string;
  order: number;
  component: SlotComponent<GrantDraftNoteProps>;
}

/** The named extension points: features fill them, the feature owning the page renders what is there. */
export interface Slots {
  caseDetailSections: readonly CaseDetailSection[];
  cardBadges: readonly CardBadge[];
  grantSections: readonly GrantSection[];
  grantDraftNotes: readonly GrantDraftNote[];
}

export interface Feature {
  views: ViewDef[];
  /** Shown under the header on every page (e.g. a failed backup); renders nothing when all is well. */
  banner?: ComponentType;
  translations?: { namespace: string; da: Record<string, unknown>; en: Record<string, unknown> };
  slots?: Partial<Slots>;
}
