import { describe, expect, it } from 'vitest';
import { pdfSafe, safeFileName, toCsv } from '../../renderer/src/features/flow/exporting';

describe('flow exports', () => {
  it('writes CSV as Danish Excel reads it: BOM, semicolons, decimal commas, quoted text', () => {
    const csv = toCsv(['Rådgiver', 'Vægtet sagstal', 'Note'], [['Åse Ærø', 1234.5, 'sagt "nej"; igen'], ['Bo', 7, null]]);
    expect(csv).toBe('\uFEFFRådgiver;Vægtet sagstal;Note\r\nÅse Ærø;1234,50;"sagt ""nej""; igen"\r\nBo;7;\r\n');
  });

  it('keeps Danish letters in the PDF and spells signs the PDF font lacks', () => {
    expect(pdfSafe('Bundlinje −1,5 mio. kr. – så → næste uge')).toBe('Bundlinje -1,5 mio. kr. – så -> næste uge');
    expect(pdfSafe('Ωmega')).toBe('?mega');
  });

  it('makes file names Windows accepts', () => {
    expect(safeFileName('flowmoede Team Botilbud 2026-11-23')).toBe('flowmoede-team-botilbud-2026-11-23');
    expect(safeFileName('a/b:c?')).toBe('a-b-c-');
  });
});
