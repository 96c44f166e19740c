// CLI of the committee feature: `committee agenda` prints a meeting's agenda (the next planned
// meeting unless --meeting is given), for the secretariat's preparation and for scripts.
import { ApiFailure } from '../../../shared/api/envelope';
import { OUTCOME_LABELS } from '../../../shared/committee';
import { formatDate, formatKroner, formatParagraph } from '../../../shared/format';
import { DB_OPTION, intOption, JSON_OPTION, printJson, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';
import { systemContext } from '../../../shared/api/define';

const agendaCommand: Command = {
  name: 'committee',
  summary: 'Visitationsudvalgets dagsorden (committee agenda)',
  usage: 'committee agenda --db PATH [--meeting ID] [--json]',
  options: { ...DB_OPTION, meeting: { type: 'string' }, ...JSON_OPTION },
  allowPositionals: true,
  run(values, positionals) {
    if (positionals.length !== 1 || positionals[0] !== 'agenda') throw new UsageError('Skriv "committee agenda".');
    const given = intOption(values, 'meeting');
    return withExistingStore(values, (service) => {
      const meetings = service.handlers.listMeetings({}, systemContext());
      const chosen = given !== undefined
        ? meetings.find((m) => m.id === given)
        : [...meetings].filter((m) => m.status === 'planned').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))[0];
      if (!chosen) throw new UsageError(given !== undefined ? `Mødet ${given} findes ikke.` : 'Der er intet planlagt møde.');
      let detail;
      try {
        detail = service.handlers.getMeeting({ meetingId: chosen.id }, systemContext());
      } catch (error) {
        if (error instanceof ApiFailure) throw new UsageError(error.message);
        throw error;
      }
      if (values.json) {
        printJson(detail);
        return 0;
      }
      console.log(`${detail.title} ${formatDate(detail.date)} (${detail.status === 'planned' ? 'planlagt' : 'afholdt'})`);
      console.log(`Medlemmer: ${detail.members.map((p) => p.name).join(', ') || '–'}`);
      detail.agenda.forEach((i, n) => {
        const what = i.proposal ? `${i.proposal.breaches.join('; ')}` : `Revisitation${i.note ? `: ${i.note}` : ''}`;
        const decided = i.decision ? ` → ${OUTCOME_LABELS[i.decision.outcome]}` : '';
        console.log(`${n + 1}. ${i.caseNumber} ${formatParagraph(i.paragraph)} · frist ${i.legalDeadline ? formatDate(i.legalDeadline) : 'ingen'} · ${formatKroner(i.yearlyCost)} om året · ${what}${decided}`);
      });
      return 0;
    });
  },
};

export const committeeCommands: Command[] = [agendaCommand];
