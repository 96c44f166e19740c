// Numbered migrations: entry i takes a store from user_version i to i + 1.
// Add a new file for every change; never edit one that has shipped (db/migrations/frozen.ts
// records each one's checksum, and a test holds them to it).
import { sql as m001 } from './001_initial';
import { sql as m002 } from './002_board';
import { sql as m003 } from './003_pull_list';
import { sql as m004 } from './004_economy';
import { sql as m005 } from './005_flow';
import { sql as m006 } from './006_data';
import { sql as m007 } from './007_wall';
import { sql as m008 } from './008_plans';
import { sql as m009 } from './009_committee';
import { sql as m010 } from './010_accounts';
import { sql as m011 } from './011_flow_analytics';
import { sql as m013 } from './013_privacy';
// 014 lands after 013: stores at schema version 12 (with 013) exist without grant history.
import { sql as m014 } from './014_grant_history';
import { sql as m015 } from './015_finance_bookings';
import { sql as m016 } from './016_move_undo';
import { sql as m017 } from './017_follow_up_items';
import { sql as m018 } from './018_board_done_recent';

export const MIGRATIONS: readonly string[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m013, m014, m015, m016, m017, m018];

export const SCHEMA_VERSION = MIGRATIONS.length;
