// The domain vocabulary (shared/domain.ts): the values the store's CHECK constraints, the API's
// schemas and the UI's labels are all built from. A value renamed or dropped here breaks stored data.
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, CLASSES_OF_SERVICE, COLUMN_KINDS, PROVIDER_TYPES, ROLES, TAKST_UNITS } from '../../shared/domain';

describe('the domain vocabulary', () => {
  it('a person is a caseworker, leader, department head, secretariat or administrator', () => {
    expect(ROLES).toEqual(['caseworker', 'leader', 'department_head', 'secretariat', 'administrator']);
  });

  it('a board column is a queue, active or done', () => {
    expect(COLUMN_KINDS).toEqual(['queue', 'active', 'done']);
  });

  it('a case is an application, a follow-up, a complaint or a task', () => {
    expect(CASE_KINDS).toEqual(['application', 'follow_up', 'complaint', 'task']);
  });

  it('the classes of service run from the most urgent (akut) to what can wait', () => {
    expect(CLASSES_OF_SERVICE).toEqual(['urgent', 'fixed_date', 'standard', 'can_wait']);
  });

  it('a takst is per hour, day, week, month or year', () => {
    expect(TAKST_UNITS).toEqual(['hour', 'day', 'week', 'month', 'year']);
  });

  it('a provider is internal or external', () => {
    expect(PROVIDER_TYPES).toEqual(['internal', 'external']);
  });
});
