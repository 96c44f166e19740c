// The meeting's minutes (referat) as a Danish PDF: members, then each case on the agenda with
// the proposal, the decision, changes, conditions and follow-up date.
import type { MeetingDetail } from '../../../../shared/api/methods/committee';
import { OUTCOME_LABELS } from '../../../../shared/committee';
import { formatDate, formatKroner, formatNumber, formatParagraph } from '../../../../shared/format';
import { downloadPdf, type PdfSection } from '../../components/pdf';

export function minutesSections(m: MeetingDetail): PdfSection[] {
  const sections: PdfSection[] = [{
    heading: 'Deltagere',
    lines: [m.members.map((p) => p.name).join(', ') || 'Ingen registreret'],
  }];
  m.agenda.forEach((i, n) => {
    const lines: string[] = [
      `${formatParagraph(i.paragraph)} · borger ${i.citizenInitials} · ${i.team}${i.assigneeName ? ` · rådgiver ${i.assigneeName}` : ''}`,
      i.reason === 'revisitation' ? `Revisitation${i.note ? `: ${i.note}` : ''}` : `Frist: ${i.legalDeadline ? formatDate(i.legalDeadline) : 'ingen'}`,
    ];
    if (i.proposal) {
      const p = i.proposal;
      const extent = p.takstUnit === 'hour' ? `${formatNumber(p.quantity, p.quantity % 1 ? 2 : 0)} t/uge à ${formatKroner(p.takst)}` : `${formatKroner(p.takst)} × ${p.quantity}`;
      lines.push(`Indstillet: ${formatParagraph(p.paragraph)} ${p.service}, ${extent} (${p.provider}), ${formatKroner(p.yearlyCost)} om året`);
      for (const b of p.breaches) lines.push(`– ${b}`);
    }
    if (i.recommendation) lines.push(`Indstilling version ${i.recommendation.version}${i.recommendation.writtenBy ? ` af ${i.recommendation.writtenBy}` : ''}`);
    if (i.decision) {
      const d = i.decision;
      lines.push(`Afgørelse: ${OUTCOME_LABELS[d.outcome]}${d.yearlyCost !== null && (d.outcome === 'approved' || d.outcome === 'approved_with_changes') ? `, ${formatKroner(d.yearlyCost)} om året` : ''}`);
      if (d.changes) lines.push(`Ændringer: ${d.changes}`);
      if (d.conditions) lines.push(`Vilkår: ${d.conditions}`);
      if (d.followUpDate) lines.push(`Opfølgning: ${formatDate(d.followUpDate)}`);
    } else {
      lines.push('Afgørelse: ikke truffet');
    }
    sections.push({ heading: `${n + 1}. Sag ${i.caseNumber}`, lines });
  });
  sections.push({ heading: 'I alt', lines: [`Godkendt på mødet: ${formatKroner(m.approvedYearlyCost)} om året`] });
  return sections;
}

export function downloadMinutes(m: MeetingDetail): void {
  void downloadPdf(`referat-visitationsudvalget-${m.date}`, `Referat: ${m.title} ${formatDate(m.date)}`,
    `${m.status === 'closed' ? 'Afholdt' : 'Planlagt'} møde · ${m.agenda.length} sager på dagsordenen`, minutesSections(m));
}
