import type { Feature } from '../types';

export const committeeFeature: Feature = { views: [] };
