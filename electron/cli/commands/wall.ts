import type { Command } from '../command';

export const wallCommands: Command[] = [];
