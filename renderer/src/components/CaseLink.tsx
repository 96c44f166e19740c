// A case number that opens the case's detail on its team's board, wherever a case is listed.
import { useTranslation } from 'react-i18next';
import { openCase } from '../stores/caseOpener';

export function CaseLink({ teamId, caseId, caseNumber }: { teamId: number; caseId: number; caseNumber: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="link case-link" aria-label={t('app.openCase', { caseNumber })} onClick={() => void openCase(teamId, caseId)}>
      {caseNumber}
    </button>
  );
}
