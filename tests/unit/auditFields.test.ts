import { describe, expect, it } from 'vitest';
import { AUDIT_FIELD_LABELS, auditFieldLabel } from '../../shared/auditFields';
import { auditRows } from '../../db/export';

describe('the audit log’s field names', () => {
  it('says every stored field in words, in Danish and English', () => {
    expect(auditFieldLabel('takst_dkk')).toBe('Takst');
    expect(auditFieldLabel('nextFollowUp', 'en')).toBe('Next follow-up');
    expect(auditFieldLabel('assignee')).toBe('Rådgiver');
    expect(auditFieldLabel('weight:85')).toBe('Vægt for § 85');
    expect(auditFieldLabel('82a', 'en')).toBe('§ 82 a');
    expect(auditFieldLabel('grant:4861')).toBe('Bevilling');
    expect(auditFieldLabel(null)).toBe('');
    for (const [field, words] of Object.entries(AUDIT_FIELD_LABELS)) {
      expect(words.da, field).not.toMatch(/_|^[a-z]+[A-Z]/);
      expect(words.en, field).not.toMatch(/_|^[a-z]+[A-Z]/);
    }
  });

  it('gives the export’s Felt column the Danish label, not the stored name', () => {
    const rows = auditRows([{
      id: 1, at: '2026-12-01T09:00:00.000Z', actorId: null, actorName: null, caseId: 1, caseNumber: '2026-000001', entity: 'grant', entityId: 1,
      type: 'grant_changed', typeLabel: 'Bevilling ændret', field: 'endDate', fromValue: null, toValue: '2026-12-31', fromText: null, toText: '31.12.2026', reason: null,
    } as never]);
    expect(rows[0]!.field).toBe('Slutdato');
  });
});
