import type { Handlers } from '../../shared/api/dispatch';
import type { economyMethods } from '../../shared/api/methods/economy';
import type { ServiceContext } from './context';

export function economyHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof economyMethods> {
  void ctx;
  return {};
}
