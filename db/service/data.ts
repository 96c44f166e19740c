import type { Handlers } from '../../shared/api/dispatch';
import type { dataMethods } from '../../shared/api/methods/data';
import type { ServiceContext } from './context';

export function dataHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof dataMethods> {
  void ctx;
  return {};
}
