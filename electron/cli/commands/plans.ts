import type { Command } from '../command';

export const plansCommands: Command[] = [];
