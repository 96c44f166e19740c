// npm run cli -- <command>: the administrators' command line.
import { parseArgs } from 'node:util';
import { StoreError } from '../../db/connection';
import { ApiFailure } from '../../shared/api/envelope';
import { DISK_FULL_MESSAGE, isDiskFull } from '../../shared/faults';
import { UsageError, type Command } from './command';
import { accountCommands } from './commands/accounts';
import { committeeCommands } from './commands/committee';
import { dataCommands } from './commands/data';
import { demoCommand } from './commands/demo';
import { devicesCommand } from './commands/devices';
import { economyCommands } from './commands/economy';
import { financeCommands } from './commands/finance';
import { flowCommands } from './commands/flow';
import { flowAnalyticsCommands } from './commands/flowAnalytics';
import { initCommand } from './commands/init';
import { plansCommands } from './commands/plans';
import { privacyCommands } from './commands/privacy';
import { pullListCommands } from './commands/pullList';
import { serveCommand } from './commands/serve';

const COMMANDS: readonly Command[] = [
  initCommand,
  demoCommand,
  serveCommand,
  ...accountCommands,
  devicesCommand,
  ...pullListCommands,
  ...economyCommands,
  ...financeCommands,
  ...flowCommands,
  ...flowAnalyticsCommands,
  ...dataCommands,
  ...plansCommands,
  ...committeeCommands,
  ...privacyCommands,
];

function help(): string {
  return [
    'Flowtavle – kommandolinje',
    '',
    'Brug: npm run cli -- <kommando> [valg]',
    '',
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Alle kommandoer, der læser eller skriver en database, tager --db PATH (standard: brugerens egen database).',
    'Kommandoer til scripts tager --json. En forkert parameter giver en forklaring og slutkode 2.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`Ukendt kommando: ${name}\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Brug: npm run cli -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return await command.run(values as Record<string, string | boolean | undefined>, positionals);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`Fejl: ${(error as Error).message}\nBrug: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof StoreError) {
      console.error(`Fejl: ${error.message}`);
      return 1;
    }
    if (isDiskFull(error)) {
      console.error(`Fejl: ${DISK_FULL_MESSAGE}`);
      return 1;
    }
    // A refusal from the contract (an unwrapped envelope) is the user's to read, not a stack trace.
    if (error instanceof ApiFailure) {
      console.error(`Fejl: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.exitCode === undefined) process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
