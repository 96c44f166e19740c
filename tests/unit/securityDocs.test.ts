// docs/security.md's role × method matrix is generated from the contract's access declarations;
// this keeps it from drifting, and checks the rules the issue names hold in the declarations.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cell, matrixIn, renderSecurityMatrix, withSecurityMatrix } from '../../scripts/security-docs';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { CALLER_ROLES } from '../../shared/api/define';

describe('the security documentation', () => {
  it('has the current role × method matrix (run `npm run docs:security`)', () => {
    const committed = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    expect(matrixIn(committed)).toBe(renderSecurityMatrix());
  });

  it('lists every method once, with one cell per role', () => {
    const rows = renderSecurityMatrix().split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('`')[1])).toEqual(METHOD_NAMES);
    for (const row of rows) expect(row.split(' | ')).toHaveLength(CALLER_ROLES.length + 3);
  });

  it('keeps the prose around the generated part', () => {
    const doc = `# Security\n\nIntro.\n\n${renderSecurityMatrix().replace('| `getBoard`', '| `stale`')}\n\n## After\n\nMore.\n`;
    const updated = withSecurityMatrix(doc);
    expect(matrixIn(updated)).toBe(renderSecurityMatrix());
    expect(updated.startsWith('# Security\n\nIntro.\n\n')).toBe(true);
    expect(updated.endsWith('\n\n## After\n\nMore.\n')).toBe(true);
    expect(matrixIn(withSecurityMatrix('# Security\n\nOnly prose.\n'))).toBe(renderSecurityMatrix());
  });

  it('says what the declarations say', () => {
    expect(cell(contract.getBoard.access, 'caseworker')).toBe('own team');
    expect(cell(contract.getBoard.access, 'department_head')).toBe('all teams');
    expect(cell(contract.getBoard.access, 'administrator')).toBe('–');
    expect(cell(contract.listTeams.access, 'administrator')).toBe('yes');
  });
});

describe('the declarations', () => {
  const allowed = (role: (typeof CALLER_ROLES)[number]) => METHOD_NAMES.filter((name) => contract[name].access.roles.includes(role));

  it('give a wall device its team\'s standup view and nothing else, privacy always on', () => {
    expect(allowed('wall').sort()).toEqual(['getWallScreen', 'getWallSettings', 'getWorkspace']);
    expect(contract.getWallScreen.access.wallInput).toEqual({ privacy: true });
    expect(contract.getWallScreen.access.team).toEqual({ from: 'team', field: 'teamId' });
    expect(contract.getWallSettings.access.team).toEqual({ from: 'team', field: 'teamId' });
  });

  it('give an administrator no case content', () => {
    const caseContent = ['getBoard', 'getCase', 'getCaseEconomy', 'getCaseCommittee', 'getMeeting', 'getPullList', 'getMyCases', 'getFlowDashboard', 'getCaseload', 'listAudit'] as const;
    for (const name of caseContent.filter((n) => n !== 'listAudit')) expect(contract[name].access.roles).not.toContain('administrator');
    // The audit log is the administrator's to export; the case lists are not (the store refuses those).
    expect(contract.listAudit.access.roles).toContain('administrator');
  });

  it('let nobody set their own grant authority', () => {
    expect(contract.saveAuthorityLimit.access.notSelf).toBe('personId');
  });

  it('declare every write with a role list that excludes the wall', () => {
    for (const name of METHOD_NAMES.filter((n) => contract[n].write)) expect(contract[name].access.roles).not.toContain('wall');
  });
});
