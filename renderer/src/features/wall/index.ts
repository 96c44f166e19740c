import type { Feature } from '../types';

export const wallFeature: Feature = { views: [] };
