// "Udvalg": the visitation committee's meetings and meeting screen, revisitation campaigns, the
// committee's overview and the grant-authority limits.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthorityPanel } from './AuthorityPanel';
import { CampaignsPanel } from './CampaignsPanel';
import { DashboardPanel } from './DashboardPanel';
import { MeetingScreen } from './MeetingScreen';
import { MeetingsPanel } from './MeetingsPanel';
import './committee.css';

const TABS = ['meetings', 'campaigns', 'dashboard', 'authority'] as const;
type Tab = (typeof TABS)[number];

export default function CommitteeView() {
  const { t } = useTranslation('committee');
  const [tab, setTab] = useState<Tab>('meetings');
  const [meetingId, setMeetingId] = useState<number | null>(null);

  return (
    <div data-feature="committee" className="cm-view">
      <header className="cm-header">
        <h1>{t('title')}</h1>
        <nav aria-label={t('tabs.label')} className="cm-tabs">
          {TABS.map((id) => (
            <button key={id} type="button" aria-pressed={tab === id} className={tab === id ? 'active' : ''}
              onClick={() => { setTab(id); setMeetingId(null); }}>
              {t(`tabs.${id}`)}
            </button>
          ))}
        </nav>
      </header>
      {tab === 'meetings' && (meetingId === null
        ? <MeetingsPanel onOpen={setMeetingId} />
        : <MeetingScreen meetingId={meetingId} onBack={() => setMeetingId(null)} />)}
      {tab === 'campaigns' && <CampaignsPanel />}
      {tab === 'dashboard' && <DashboardPanel />}
      {tab === 'authority' && <AuthorityPanel />}
    </div>
  );
}
