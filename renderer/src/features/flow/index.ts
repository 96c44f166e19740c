import type { Feature } from '../types';

export const flowFeature: Feature = { views: [] };
