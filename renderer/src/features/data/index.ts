import type { Feature } from '../types';

export const dataFeature: Feature = { views: [] };
