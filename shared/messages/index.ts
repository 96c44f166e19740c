// One catalogue of what the app says when it refuses or reports something. The server sends a
// key and its parameters; each client renders them in its chosen language. The Danish text
// travels as well, for the command line, the logs and the audit trail.
import { formatDate, formatNumber, type Locale } from '../format';
import { generalMessages } from './general';
import { accountMessages } from './accounts';
import { authMessages } from './auth';
import { boardMessages } from './board';
import { committeeMessages } from './committee';
import { dataMessages } from './data';
import { economyMessages } from './economy';
import { flowMessages } from './flow';
import { followUpMessages } from './followUps';
import { planMessages } from './plans';
import { privacyMessages } from './privacy';
import { pullListMessages } from './pullList';
import { sprintMessages } from './sprints';
import { wallMessages } from './wall';
import { grantMessages } from './grants';
import { inputMessages } from './input';
import { recordMessages } from './records';
import type { MessageText } from './types';

export type { MessageText };

/** Values put into a message's `{name}` slots: numbers and ISO dates are shown in the locale's format. */
export type MessageParams = Readonly<Record<string, string | number>>;

// Each domain keeps its own block; a key is unique across all of them (checked by a unit test).
export const MESSAGES = {
  ...generalMessages,
  ...grantMessages,
  ...recordMessages,
  ...inputMessages,
  ...boardMessages,
  ...accountMessages,
  ...authMessages,
  ...committeeMessages,
  ...dataMessages,
  ...economyMessages,
  ...flowMessages,
  ...followUpMessages,
  ...planMessages,
  ...privacyMessages,
  ...pullListMessages,
  ...sprintMessages,
  ...wallMessages,
} as const satisfies Record<string, MessageText>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(MESSAGES, key);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function renderParam(value: string | number, locale: Locale): string {
  if (typeof value === 'number') return formatNumber(value, Number.isInteger(value) ? 0 : 2, locale);
  if (ISO_DATE.test(value)) return formatDate(value, locale);
  return value;
}

/** The message in the given language with its slots filled; an unknown slot is left visible. */
export function renderMessage(key: MessageKey, params: MessageParams = {}, locale: Locale = 'da'): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(params, name) ? renderParam(params[name]!, locale) : slot,
  );
}
