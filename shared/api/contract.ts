// The one API contract: method name → input schema → result type. The Electron IPC binding,
// the HTTP binding and the renderer client are all derived from this object.
import type { z } from 'zod';
import type { MethodDef } from './define';
import { accountsMethods } from './methods/accounts';
import { boardMethods } from './methods/board';
import { committeeMethods } from './methods/committee';
import { dataMethods } from './methods/data';
import { devicesMethods } from './methods/devices';
import { economyMethods } from './methods/economy';
import { financeMethods } from './methods/finance';
import { flowMethods } from './methods/flow';
import { flowAnalyticsMethods } from './methods/flowAnalytics';
import { plansMethods } from './methods/plans';
import { privacyMethods } from './methods/privacy';
import { pullListMethods } from './methods/pullList';
import { sprintsMethods } from './methods/sprints';
import { wallMethods } from './methods/wall';
import { workspaceMethods } from './methods/workspace';

export const contract = {
  ...workspaceMethods,
  ...boardMethods,
  ...pullListMethods,
  ...economyMethods,
  ...financeMethods,
  ...flowMethods,
  ...flowAnalyticsMethods,
  ...dataMethods,
  ...wallMethods,
  ...devicesMethods,
  ...sprintsMethods,
  ...plansMethods,
  ...committeeMethods,
  ...accountsMethods,
  ...privacyMethods,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends. */
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends MethodName> = Contract[K] extends MethodDef<z.ZodType, infer O> ? O : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
