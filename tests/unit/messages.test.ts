import { describe, expect, it } from 'vitest';
import { ApiFailure, fieldError, localiseError } from '../../shared/api/envelope';
import { MESSAGES, isMessageKey, renderMessage } from '../../shared/messages';

describe('the message catalogue', () => {
  it('has a Danish and an English text for every key, with the same slots', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(text.da, key).not.toBe('');
      expect(text.en, key).not.toBe('');
      expect(slots(text.en), key).toEqual(slots(text.da));
    }
  });

  it('fills slots with numbers and dates in the language’s format, and leaves an unknown slot visible', () => {
    expect(renderMessage('general.unknownMethod', { method: 'moveCard' })).toBe('Ukendt metode: moveCard');
    expect(renderMessage('general.unknownMethod', { method: '2026-12-01' }, 'da')).toBe('Ukendt metode: 01.12.2026');
    expect(renderMessage('general.unknownMethod', { method: '2026-12-01' }, 'en')).toBe('Unknown method: 01/12/2026');
    expect(renderMessage('general.unknownMethod', { method: 1234.5 }, 'da')).toBe('Ukendt metode: 1.234,50');
    expect(renderMessage('general.unknownMethod', { method: 1234 }, 'en')).toBe('Unknown method: 1,234');
    expect(renderMessage('general.unknownMethod', {}, 'en')).toBe('Unknown method: {method}');
  });

  it('knows its own keys only', () => {
    expect(isMessageKey('general.forbidden')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey(42)).toBe(false);
  });

  it('sends the Danish text with the key, and a client renders the key in its own language', () => {
    const error = ApiFailure.of('invalid_input', 'general.unknownMethod', { method: 'x' }, {
      fields: [fieldError('toColumnId', 'general.notFound')],
    }).toError();
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Ukendt metode: x', key: 'general.unknownMethod', params: { method: 'x' } });
    expect(error.fields).toEqual([{ field: 'toColumnId', message: 'Findes ikke.', key: 'general.notFound' }]);
    const english = localiseError(error, 'en');
    expect(english.message).toBe('Unknown method: x');
    expect(english.fields![0]!.message).toBe('Does not exist.');
    expect(localiseError({ code: 'internal', message: 'Som sendt' }, 'en').message).toBe('Som sendt');
    expect(localiseError({ code: 'internal', message: 'Som sendt', key: 'no.such.key' as never }, 'en').message).toBe('Som sendt');
  });
});
