import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStore, type Db } from '../../db/connection';
import { createService, type Service } from '../../db/service';
import { adoptUnversionedGrants } from '../../db/grants';
import { ok } from '../support/envelope';
import { tempDir } from '../support/server';

const NOW = () => new Date('2026-12-02T10:00:00Z');
const LEADER = 1;

const grant = (over: Record<string, unknown> = {}) => ({
  paragraph: '85', service: 'Socialpædagogisk støtte', provider: 'Støttecentret ApS', providerType: 'external',
  takst: 500, takstUnit: 'hour', quantity: 6, startDate: '2026-12-01', endDate: null, followUpMonths: null, supportGoal: null, ...over,
});

describe('the server refuses implausible grants and writes nothing', () => {
  let dir: string;
  let db: Db;
  let service: Service;
  const call = (method: string, input: unknown) => service.dispatch(method, input, service.as(LEADER));
  const counts = () => db.prepare(`SELECT (SELECT COUNT(*) FROM grants) AS grants, (SELECT COUNT(*) FROM grant_proposals) AS proposals, (SELECT COUNT(*) FROM events) AS events`).get();

  beforeAll(() => {
    dir = tempDir();
    db = openStore(join(dir, 'plausible.db'));
    db.exec(`
      INSERT INTO teams (id, name, sort_order, bottom_line_tolerance) VALUES (1, 'Team A', 1, 0.01);
      INSERT INTO people (id, name, initials, role, team_id) VALUES (1, 'Lene Leder', 'LL', 'leader', 1);
      INSERT INTO citizens (id, ref, initials) VALUES (1, 'B1', 'AB');
      INSERT INTO board_columns (id, team_id, name, position, kind) VALUES (101, 1, 'Indkommet', 1, 'queue');
      INSERT INTO cases (id, case_number, citizen_id, team_id, assignee_id, kind, paragraph, column_id, sort_key, received_date, column_entered_at) VALUES
        (1, 'S-1', 1, 1, 1, 'follow_up', '85', 101, 1, '2025-01-01', '2025-01-01');
      INSERT INTO grants (id, case_id, paragraph, service, provider, provider_type, takst, takst_unit, quantity, start_date, end_date) VALUES
        (1, 1, '85', 'Socialpædagogisk støtte', 'Støttecentret ApS', 'external', 450, 'hour', 4, '2012-01-01', NULL);
      INSERT INTO takst_services (id, paragraph, name, unit) VALUES (1, '85', 'Socialpædagogisk støtte', 'hour');
      INSERT INTO takst_providers (id, name, provider_type) VALUES (1, 'Støttecentret ApS', 'external');
      INSERT INTO takst_prices (service_id, provider_id, valid_from, takst, recorded_at) VALUES (1, 1, '2026-01-01', 500, '2026-01-01T00:00:00Z');
    `);
    adoptUnversionedGrants(db, '2012-01-01');
    service = createService(db, { now: NOW });
  });
  afterAll(() => {
    closeStore(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['1,000 hours a week', { quantity: 1000 }, 'grant.quantity', 'grants.hoursTooMany'],
    ['a start in 2199', { startDate: '2199-01-01' }, 'grant.startDate', 'grants.dateTooLate'],
    ['a takst 10× the catalogue', { takst: 5000 }, 'grant.takst', 'grants.takstHigh'],
  ])('refuses %s at its field', (_name, over, field, key) => {
    const before = counts();
    const res = call('createGrant', { caseId: 1, grant: grant(over) });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.key).toBe('grants.implausible');
      expect(res.error.fields?.map((f) => [f.field, f.key])).toEqual([[field, key]]);
    }
    expect(counts()).toEqual(before);
  });

  it('refuses a negative takst at its field already in the schema', () => {
    const before = counts();
    const res = call('createGrant', { caseId: 1, grant: grant({ takst: -10 }) });
    expect(res.ok ? null : res.error.fields?.map((f) => f.field)).toEqual(['grant.takst']);
    expect(counts()).toEqual(before);
  });

  it('refuses the same on an update and leaves the grant as it was', () => {
    const before = counts();
    const res = call('updateGrant', { grantId: 1, grant: grant({ startDate: '2012-01-01', quantity: 169 }) });
    expect(res.ok ? null : res.error.fields?.map((f) => f.field)).toEqual(['grant.quantity']);
    expect(counts()).toEqual(before);
    expect(db.prepare('SELECT quantity FROM grants WHERE id = 1').get()).toEqual({ quantity: 4 });
  });

  it('lets an old grant keep its start when another term changes', () => {
    ok(call('updateGrant', { grantId: 1, grant: grant({ startDate: '2012-01-01', quantity: 5 }) }));
  });

  it('saves a high takst once it is confirmed', () => {
    const res = ok(call('createGrant', { caseId: 1, grant: grant({ takst: 5000 }), confirmHighTakst: true })) as { takst?: number; awaitingCommittee?: boolean };
    expect(res.awaitingCommittee === true || res.takst === 5000).toBe(true);
  });
});
