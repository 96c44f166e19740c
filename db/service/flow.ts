import type { Handlers } from '../../shared/api/dispatch';
import type { flowMethods } from '../../shared/api/methods/flow';
import type { ServiceContext } from './context';

export function flowHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof flowMethods> {
  void ctx;
  return {};
}
