import type { Command } from '../command';

export const pullListCommands: Command[] = [];
