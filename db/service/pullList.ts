import type { Handlers } from '../../shared/api/dispatch';
import type { pullListMethods } from '../../shared/api/methods/pullList';
import type { ServiceContext } from './context';

export function pullListHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof pullListMethods> {
  void ctx;
  return {};
}
