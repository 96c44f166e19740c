import type { Feature } from '../types';

export const pullFeature: Feature = { views: [] };
