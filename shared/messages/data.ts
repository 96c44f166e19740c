// What import, export, the audit log and backups say when refusing.
import type { MessageText } from './types';

export const dataMessages = {
  'data.importFailed': {
    da: 'Filen blev ikke importeret: {count} fejl. Ret fejlene i filen, og prøv igen. Intet er ændret.',
    en: 'The file was not imported: {count} errors. Correct the errors in the file and try again. Nothing was changed.',
  },
  'data.bookingsFailed': {
    da: 'Bogføringen blev ikke importeret: {count} fejl. Ret fejlene i filen, og prøv igen. Intet er ændret.',
    en: 'The bookings were not imported: {count} errors. Correct the errors in the file and try again. Nothing was changed.',
  },
  'data.mappingNotFound': { da: 'Kolonnetilknytningen findes ikke.', en: 'The column mapping does not exist.' },
  'data.periodReversed': { da: 'Perioden slutter før den begynder.', en: 'The period ends before it begins.' },
  'data.periodReversedField': { da: 'Skal være efter fra-datoen.', en: 'Must be after the from date.' },
  'data.memoryNoBackup': { da: 'En database i hukommelsen kan ikke sikkerhedskopieres.', en: 'A database in memory cannot be backed up.' },
  'data.backupRunning': {
    da: 'En sikkerhedskopiering eller gendannelse kører allerede. Vent et øjeblik.',
    en: 'A backup or restore is already running. Wait a moment.',
  },
  'data.snapshotNotFound': { da: 'Sikkerhedskopien {file} findes ikke.', en: 'The backup {file} does not exist.' },
  'data.foreignSnapshot': {
    da: 'Sikkerhedskopien {file} tilhører en anden Flowtavle-database end denne. Gendannes den, erstattes alt i denne database af den anden databases sager, personer og hændelser. Er det virkelig meningen, kan en administrator gennemtvinge den (restoreBackup med force, eller restore --force på kommandolinjen).',
    en: 'The backup {file} belongs to another Flowtavle database than this one. If it is restored, everything in this database is replaced by the other database’s cases, people and events. If that is really intended, an administrator can force it (restoreBackup with force, or restore --force on the command line).',
  },
  'data.foreignSnapshotField': { da: 'En anden databases sikkerhedskopi.', en: 'Another database’s backup.' },
} as const satisfies Record<string, MessageText>;
