import type { Feature } from '../types';

export const plansFeature: Feature = { views: [] };
