import type { Command } from '../command';

export const economyCommands: Command[] = [];
