import { describe, expect, it } from 'vitest';
import { pdfSafe } from '../../renderer/src/components/pdf';
import { safeFileName } from '../../renderer/src/components/saveFile';

describe('flow exports', () => {
  it('keeps Danish letters in the PDF and spells signs the PDF font lacks', () => {
    expect(pdfSafe('Bundlinje −1,5 mio. kr. – så → næste uge')).toBe('Bundlinje -1,5 mio. kr. – så -> næste uge');
    expect(pdfSafe('Ωmega')).toBe('?mega');
  });

  it('makes file names Windows accepts', () => {
    expect(safeFileName('flowmoede Team Botilbud 2026-11-23')).toBe('flowmoede-team-botilbud-2026-11-23');
    expect(safeFileName('a/b:c?')).toBe('a-b-c-');
  });
});
