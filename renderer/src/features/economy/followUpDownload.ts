// The budget follow-up as a file download from the bottom-line view: the same API results the
// screen shows, written by shared/budgetFollowUp.ts (XLSX, CSV or the A4 PDF).
import { unwrap } from '../../../../shared/api/envelope';
import { followUpCsv, followUpFileName, followUpPdf, followUpSheets, followUpXlsx, gatherFollowUp } from '../../../../shared/budgetFollowUp';
import { api } from '../../api/client';
import { saveFile } from '../../components/saveFile';

export async function downloadFollowUp(scope: { asOf: string; teamId?: number }, format: 'xlsx' | 'csv' | 'pdf'): Promise<void> {
  const methods = api as unknown as Record<string, (input: unknown) => Promise<Parameters<typeof unwrap>[0]>>;
  const data = await gatherFollowUp(async (method, input) => unwrap(await methods[method]!(input)), scope);
  const name = followUpFileName(data.scopeName, data.asOf);
  if (format === 'csv') saveFile(new Blob([followUpCsv(followUpSheets(data))], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  else if (format === 'xlsx') saveFile(new Blob([await followUpXlsx(followUpSheets(data))], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${name}.xlsx`);
  else saveFile(new Blob([await followUpPdf(data)], { type: 'application/pdf' }), `${name}.pdf`);
}
