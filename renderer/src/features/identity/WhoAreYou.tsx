import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/domain';
import { useSession } from '../../stores/session';

export function WhoAreYou() {
  const { t } = useTranslation();
  const people = useSession((s) => s.people);
  const teams = useSession((s) => s.teams);
  const workspace = useSession((s) => s.workspace);
  const chooseActor = useSession((s) => s.chooseActor);
  const [query, setQuery] = useState('');

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const match = (p: Person) => !q || p.name.toLowerCase().includes(q) || p.initials.toLowerCase().includes(q);
    const byTeam = new Map<number | null, Person[]>();
    for (const p of people.filter(match)) byTeam.set(p.teamId, [...(byTeam.get(p.teamId) ?? []), p]);
    return [...teams.map((team) => ({ key: String(team.id), name: team.name, people: byTeam.get(team.id) ?? [] })),
      { key: 'none', name: t('identity.noTeam'), people: byTeam.get(null) ?? [] }].filter((g) => g.people.length > 0);
  }, [people, teams, query, t]);

  return (
    <main className="identity" aria-labelledby="identity-title">
      <div className="identity-panel">
        <h1 id="identity-title">{t('identity.title')}</h1>
        <p className="identity-intro">{t('identity.intro')}</p>
        {workspace && <p className="identity-department">{workspace.departmentName}</p>}
        <label className="field">
          <span>{t('identity.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        </label>
        <div className="identity-groups">
          {groups.length === 0 && <p>{t('identity.none')}</p>}
          {groups.map((group) => (
            <section key={group.key} aria-label={group.name}>
              <h2>{group.name}</h2>
              <ul>
                {group.people.map((person) => (
                  <li key={person.id}>
                    <button type="button" className="person-choice" onClick={() => chooseActor(person)}>
                      <span className="avatar" aria-hidden="true">{person.initials}</span>
                      <span className="person-name">{person.name}</span>
                      <span className="person-role">{t(`identity.roles.${person.role}`)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </main>
  );
}
