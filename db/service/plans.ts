import type { Handlers } from '../../shared/api/dispatch';
import type { plansMethods } from '../../shared/api/methods/plans';
import type { ServiceContext } from './context';

export function plansHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof plansMethods> {
  void ctx;
  return {};
}
