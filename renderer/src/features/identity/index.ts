import type { Feature } from '../types';
import Connect, { canChooseConnection, CONNECT_ROUTE } from './Connect';

/**
 * The connection screen is a view of its own (reached from the sign-in screen, the header and the
 * desktop app's Filer menu), registered only where it can work: the app's own page in Electron.
 * Standalone, because it is needed before anyone has signed in.
 */
export const identityFeature: Feature = {
  views: canChooseConnection ? [{ id: CONNECT_ROUTE, labelKey: 'connect.nav', component: Connect, order: 990, standalone: true }] : [],
};
