import type { Handlers } from '../../shared/api/dispatch';
import type { committeeMethods } from '../../shared/api/methods/committee';
import type { ServiceContext } from './context';

export function committeeHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof committeeMethods> {
  void ctx;
  return {};
}
