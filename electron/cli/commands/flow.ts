import type { Command } from '../command';

export const flowCommands: Command[] = [];
