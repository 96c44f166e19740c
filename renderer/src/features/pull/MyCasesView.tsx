// "Mine sager": my work in progress against my limit, my deadlines, my follow-ups, my blocked
// cases, and the one action that gives me my next case.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyCase, MyCases } from '../../../../shared/api/methods/pullList';
import { daysBetween } from '../../../../shared/dates';
import { formatDate, formatParagraph, type Locale } from '../../../../shared/format';
import { api } from '../../api/client';
import { useSession } from '../../stores/session';
import { PullButton } from './PullButton';
import { useLoaded } from '../../components/useLoaded';
import './pull.css';
import { CaseLink } from '../../components/CaseLink';

export default function MyCasesView() {
  const { t, i18n } = useTranslation('pull');
  const { t: tApp } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'da';
  const actor = useSession((s) => s.actor);
  const mine = useLoaded<MyCases>(actor ? () => api.getMyCases({ personId: actor.id }) : null, String(actor?.id ?? ''));

  if (mine.error) return <div className="notice error" role="alert">{mine.error}</div>;
  const m = mine.data;
  if (!m) return <div className="notice" aria-busy="true">{tApp('app.loading')}</div>;

  const share = m.wipLimit ? Math.min(1, m.wipCount / m.wipLimit) : 0;
  const full = m.wipLimit !== null && m.wipCount >= m.wipLimit;
  return (
    <div data-feature="pull" className="pull-view">
      <header className="pull-header">
        <div>
          <h1>{t('mine.title')}</h1>
          <p className="pull-sub">{t('mine.subtitle', { name: m.person.name, date: formatDate(m.today, locale) })}</p>
        </div>
      </header>

      <section className="pull-card pull-hero" aria-labelledby="mine-wip">
        <div className="pull-wip">
          <h2 id="mine-wip">{t('mine.wip')}</h2>
          <p className={`pull-wip-count${full ? ' full' : ''}`}>
            {m.wipLimit === null ? t('mine.wipNoLimit', { count: m.wipCount }) : t('mine.wipOf', { count: m.wipCount, limit: m.wipLimit })}
          </p>
          {m.wipLimit !== null && (
            <div className="pull-meter" role="meter" aria-valuemin={0} aria-valuemax={m.wipLimit} aria-valuenow={m.wipCount}
              aria-label={t('mine.wipLabel', { count: m.wipCount, limit: m.wipLimit })}>
              <span style={{ width: `${share * 100}%` }} className={full ? 'full' : ''} />
            </div>
          )}
          <p className="pull-competences">
            {m.competences.length === 0
              ? t('mine.noCompetences')
              : <>{t('mine.competences')}: <strong>{m.competences.map(formatParagraph).join(', ')}</strong></>}
          </p>
        </div>
        <div className="pull-next">
          <PullButton onPulled={() => mine.reload()} />
          <p className="pull-preview">
            {'item' in m.next
              ? t('pull.next', { caseNumber: m.next.item.caseNumber, kind: t(`kinds.${m.next.item.kind}`).toLowerCase(), paragraph: formatParagraph(m.next.item.paragraph) })
              : m.next.message}
          </p>
        </div>
      </section>

      <div className="pull-grid">
        <CaseTable id="mine-progress" title={t('mine.inProgress')} empty={t('mine.inProgressEmpty')} cases={m.inProgress}
          columns={[
            { head: t('mine.column'), cell: (c) => c.columnName },
            { head: t('mine.paragraph'), cell: (c) => formatParagraph(c.paragraph) },
            { head: t('mine.deadline'), cell: (c) => formatDate(c.legalDeadline, locale) || '–' },
          ]} />
        <CaseTable id="mine-deadlines" title={t('mine.deadlines')} empty={t('mine.deadlinesEmpty')} cases={m.deadlines}
          columns={[
            { head: t('mine.deadline'), cell: (c) => formatDate(c.legalDeadline, locale) },
            { head: t('mine.left'), cell: (c) => <DaysLeft from={m.today} to={c.legalDeadline!} /> },
            { head: t('mine.column'), cell: (c) => c.columnName },
          ]} />
        <CaseTable id="mine-followups" title={t('mine.followUps')} empty={t('mine.followUpsEmpty')} cases={m.followUps}
          columns={[
            { head: t('mine.followUp'), cell: (c) => formatDate(c.nextFollowUp, locale) },
            { head: t('mine.left'), cell: (c) => <DaysLeft from={m.today} to={c.nextFollowUp!} /> },
            { head: t('mine.paragraph'), cell: (c) => formatParagraph(c.paragraph) },
          ]} />
        <CaseTable id="mine-blocked" title={t('mine.blocked')} empty={t('mine.blockedEmpty')} cases={m.blocked}
          columns={[
            { head: t('mine.reason'), cell: (c) => c.blockedReason ?? '' },
            { head: t('mine.since'), cell: (c) => formatDate(c.blockedSince, locale) },
          ]} />
      </div>
    </div>
  );
}

function DaysLeft({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('pull');
  const days = daysBetween(from, to);
  const tone = days < 0 ? 'red' : days <= 7 ? 'amber' : 'ok';
  const text = days < 0 ? t('mine.overdue', { count: -days }) : days === 0 ? t('mine.today') : t('mine.daysLeft', { count: days });
  return <span className={`pull-days tone-${tone}`}>{text}</span>;
}

interface Column {
  head: string;
  cell: (c: MyCase) => ReactNode;
}

function CaseTable({ id, title, empty, cases, columns }: { id: string; title: string; empty: string; cases: MyCase[]; columns: Column[] }) {
  const { t } = useTranslation('pull');
  return (
    <section className="pull-card" aria-labelledby={id} data-section={id}>
      <h2 id={id}>{title} <span className="pull-count">{cases.length}</span></h2>
      {cases.length === 0 ? (
        <p className="pull-empty">{empty}</p>
      ) : (
        <div className="pull-table-wrap">
          <table className="pull-table">
            <thead>
              <tr>
                <th scope="col">{t('mine.caseNumber')}</th>
                {columns.map((c) => <th key={c.head} scope="col">{c.head}</th>)}
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.caseId} data-case-number={c.caseNumber}>
                  <th scope="row"><span className="pull-case-number"><CaseLink teamId={c.teamId} caseId={c.caseId} caseNumber={c.caseNumber} /></span> <span className="pull-kind-small">{t(`caseKinds.${c.kind}`)}</span></th>
                  {columns.map((col) => <td key={col.head}>{col.cell(c)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
