import type { ComponentType, LazyExoticComponent } from 'react';

export interface ViewDef {
  /** Route id, shown in the URL as #/<id>. */
  id: string;
  /** i18n key of the menu label, "namespace:key". */
  labelKey: string;
  component: LazyExoticComponent<ComponentType> | ComponentType;
  /** Position in the menu. */
  order: number;
  /** Shown to leaders only (settings, rule weights). */
  leaderOnly?: boolean;
  /**
   * Shown alone, without the app header and without asking who is using the app: a wall screen
   * shows a team, not a person, and must not put anyone's name in the page.
   */
  standalone?: boolean;
}

export interface Feature {
  views: ViewDef[];
  translations?: { namespace: string; da: Record<string, unknown>; en: Record<string, unknown> };
}
