import type { Handlers } from '../../shared/api/dispatch';
import type { wallMethods } from '../../shared/api/methods/wall';
import type { ServiceContext } from './context';

export function wallHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof wallMethods> {
  void ctx;
  return {};
}
