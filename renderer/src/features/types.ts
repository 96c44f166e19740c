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
}

export interface Feature {
  views: ViewDef[];
  translations?: { namespace: string; da: Record<string, unknown>; en: Record<string, unknown> };
}
