// Reading a service's answers in tests: a refused call fails the test with the refusal in its message.
import type { Service } from '../../db/service';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { CallContext } from '../../shared/api/define';
import type { Envelope } from '../../shared/api/envelope';

/** The value of an envelope, or a thrown error naming the code. */
export function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

/** A dispatched call that must succeed; the whole error is in the failure. */
export function callOk<K extends MethodName>(service: Service, method: K, input: InputOf<K>, ctx: CallContext): ResultOf<K> {
  const envelope = service.dispatch(method, input, ctx);
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as ResultOf<K>;
}
