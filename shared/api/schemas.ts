// Field schemas reused by several methods. Messages come from zod's Danish locale (see validation.ts).
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { CASE_KINDS, CLASSES_OF_SERVICE, COLUMN_KINDS, PROVIDER_TYPES, ROLES, TAKST_UNITS } from '../domain';

export const isoDate = z.string().refine(isIsoDate, { message: 'input.isoDate' });
/** Kroner, whole øre or not: a takst, a budget. */
export const money = z.number().finite().min(0).max(1e11);
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).nullable();
export const role = z.enum(ROLES);
export const columnKind = z.enum(COLUMN_KINDS);
export const caseKind = z.enum(CASE_KINDS);
export const classOfService = z.enum(CLASSES_OF_SERVICE);
export const takstUnit = z.enum(TAKST_UNITS);
export const providerType = z.enum(PROVIDER_TYPES);
/** A Serviceloven paragraph as stored: "85", "82a", "107", "95-96"; a leading § is dropped. */
export const paragraph = z
  .string()
  .trim()
  .transform((p) => p.replace(/^§\s*/, '').replace(/\s+/g, '').toLowerCase())
  .pipe(z.string().regex(/^\d{1,3}[a-z]?(\.\d{1,2})?(-\d{1,3}[a-z]?)?$/, { message: 'input.paragraph' }));
