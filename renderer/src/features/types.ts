import type { ComponentType, LazyExoticComponent } from 'react';
import type { MethodName } from '../../../shared/api/contract';

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

export interface Feature {
  views: ViewDef[];
  /** Shown under the header on every page (e.g. a failed backup); renders nothing when all is well. */
  banner?: ComponentType;
  translations?: { namespace: string; da: Record<string, unknown>; en: Record<string, unknown> };
}
