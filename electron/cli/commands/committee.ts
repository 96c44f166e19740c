import type { Command } from '../command';

export const committeeCommands: Command[] = [];
