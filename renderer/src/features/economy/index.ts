import type { Feature } from '../types';

export const economyFeature: Feature = { views: [] };
