// Every feature plugs in here with its views, its own i18n namespace and what it puts into
// other features' pages (slots).
import { accountsFeature } from './accounts';
import { boardFeature } from './board';
import { committeeFeature } from './committee';
import { dataFeature } from './data';
import { economyFeature } from './economy';
import { flowFeature } from './flow';
import { identityFeature } from './identity';
import { plansFeature } from './plans';
import { privacyFeature } from './privacy';
import { pullFeature } from './pull';
import { wallFeature } from './wall';
import { installSlots } from './slots';
import type { Feature, ViewDef } from './types';

export const FEATURES: readonly Feature[] = [boardFeature, pullFeature, economyFeature, flowFeature, dataFeature, plansFeature, wallFeature, committeeFeature, identityFeature, accountsFeature, privacyFeature];

export const VIEWS: readonly ViewDef[] = FEATURES.flatMap((f) => f.views).sort((a, b) => a.order - b.order);

export const FEATURE_TRANSLATIONS = FEATURES.flatMap((f) => (f.translations ? [f.translations] : []));

installSlots(FEATURES);
