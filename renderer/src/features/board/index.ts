import type { Feature } from '../types';
import { registerCaseOpener } from '../../stores/caseOpener';
import BoardView from './BoardView';
import { openCase } from './openCase';
import { da, en } from './translations';

registerCaseOpener(openCase);

// The board is the first view most people see: loaded with the app, so its data request leaves at
// once instead of after the chunk and React's suspense reveal throttle (about 300 ms idle).
export const boardFeature: Feature = {
  views: [{ id: 'board', labelKey: 'nav.board', component: BoardView, order: 10, requires: 'getBoard' }],
  translations: { namespace: 'board', da, en },
};
