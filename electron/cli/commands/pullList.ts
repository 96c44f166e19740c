import { formatDate } from '../../../shared/format';
import { WORK_ITEM_KIND_LABELS } from '../../../shared/pullList';
import { DB_OPTION, JSON_OPTION, printJson, requiredString, UsageError, type Command } from '../command';
import { withExistingStore } from '../store';
import { systemContext } from '../../../shared/api/define';

export const pullListCommand: Command = {
  name: 'pull-list',
  summary: "Vis et teams pull-liste i den rækkefølge, sagerne bliver taget (med begrundelser)",
  usage: 'pull-list --db PATH --team NAVN|ID [--json]',
  options: { ...DB_OPTION, team: { type: 'string' }, ...JSON_OPTION },
  run(values) {
    const wanted = requiredString(values, 'team').trim();
    return withExistingStore(values, (service) => {
      const teams = service.handlers.listTeams({}, systemContext());
      const team = /^\d+$/.test(wanted)
        ? teams.find((t) => t.id === Number(wanted))
        : teams.find((t) => t.name.toLocaleLowerCase('da') === wanted.toLocaleLowerCase('da'));
      if (!team) {
        throw new UsageError(`Teamet "${wanted}" findes ikke. Teams: ${teams.map((t) => `${t.name} (${t.id})`).join(', ')}.`);
      }
      const list = service.handlers.getPullList({ teamId: team.id }, systemContext());
      if (values.json) {
        printJson({
          team: list.team.name,
          items: list.items.map((i) => ({ caseNumber: i.caseNumber, kind: i.kind, reasons: i.reasons })),
        });
        return 0;
      }
      console.log(`Pull-liste for ${list.team.name} pr. ${formatDate(list.today)}: ${list.items.length} sager`);
      for (const i of list.items) {
        console.log(`${String(i.position).padStart(4)}. ${i.caseNumber}  ${WORK_ITEM_KIND_LABELS[i.kind].padEnd(13)} ${String(i.score).padStart(6)} point`);
        for (const reason of i.reasons) console.log(`        – ${reason}`);
      }
      return 0;
    });
  },
};

export const pullListCommands: Command[] = [pullListCommand];
