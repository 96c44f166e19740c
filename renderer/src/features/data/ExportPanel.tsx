import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_TABLES, type ExportTableName } from '../../../../shared/api/methods/data';
import { formatNumber } from '../../../../shared/format';
import { exportCellText } from '../../../../shared/importExport';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { useLoaded } from '../../components/useLoaded';
import { actsDepartmentWide } from '../../../../shared/api/define';
import { useCan } from '../../stores/permissions';
import { useSession } from '../../stores/session';
import { TransferProgress } from './TransferProgress';

export function ExportPanel() {
  const { t } = useTranslation('data');
  const teamId = useSession((s) => s.teamId);
  const team = useSession((s) => s.teams.find((x) => x.id === s.teamId));
  // The audit log is the department's (visitationschef, administrators); a team-bound person exports their own team.
  const canAudit = useCan('listAudit');
  const department = useSession((s) => s.actor !== null && actsDepartmentWide(s.actor.roles));
  const tables = EXPORT_TABLES.filter((x) => x !== 'audit' || canAudit);
  const [table, setTable] = useState<ExportTableName>('cases');
  const [onlyTeam, setOnlyTeam] = useState(true);
  const scopeTeam = onlyTeam && teamId !== null && table !== 'audit' ? teamId : null;
  const { data, error } = useLoaded(() => api.exportTable({ table, ...(scopeTeam !== null ? { teamId: scopeTeam } : {}) }), `${table} ${scopeTeam}`);

  const name = `${t(`export.tables.${table}`)}${onlyTeam && table !== 'audit' && team ? ` ${team.name}` : ''}`;
  return (
    <div className="data-export">
      <h2>{t('export.heading')}</h2>
      <p className="data-intro">{t('export.intro')}</p>
      <div className="data-form-row">
        <label className="data-field">
          <span>{t('export.table')}</span>
          <select value={table} onChange={(e) => setTable(e.target.value as ExportTableName)}>
            {tables.map((x) => <option key={x} value={x}>{t(`export.tables.${x}`)}</option>)}
          </select>
        </label>
        {table !== 'audit' && (
          <label className="data-field">
            <span>{t('export.scope')}</span>
            <select value={onlyTeam ? 'team' : 'all'} onChange={(e) => setOnlyTeam(e.target.value === 'team')}>
              <option value="team">{t('export.currentTeam', { team: team?.name ?? '' })}</option>
              {department && <option value="all">{t('export.allTeams')}</option>}
            </select>
          </label>
        )}
      </div>
      {!data && !error && <TransferProgress step={{ label: t('transfer.fetching') }} />}
      {error && <div className="data-message error" role="alert">{error}</div>}
      {data && (
        <div className="data-export-result">
          <p className="data-summary">{t('export.rows', { rows: formatNumber(data.rows.length) })}</p>
          <ExportButton filename={name} sheetName={data.title} columns={data.columns} rows={data.rows} disabled={data.rows.length === 0} />
          <div className="data-table-wrap" tabIndex={0}>
            <table className="data-table">
              <thead><tr>{data.columns.map((c) => <th key={c.key} scope="col">{c.header}</th>)}</tr></thead>
              <tbody>
                {data.rows.slice(0, 10).map((row, i) => (
                  <tr key={i}>{data.columns.map((c) => <td key={c.key} className={typeof row[c.key] === 'number' ? 'num nowrap' : undefined}>{exportCellText(row[c.key])}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
