// The Serviceloven paragraphs (shared/paragraphs.ts): their names, legal processing times and
// default follow-up intervals, which the deadlines and the follow-up dates of every case come from.
import { describe, expect, it } from 'vitest';
import { legalDeadlineDays, paragraphInfo, PARAGRAPHS } from '../../shared/paragraphs';

describe('the paragraphs a visitation team works with', () => {
  it('names each paragraph with its processing weeks and follow-up months', () => {
    expect(PARAGRAPHS.map((p) => [p.code, p.label, p.processingWeeks, p.followUpMonths])).toEqual([
      ['12', 'Råd og vejledning', null, 6],
      ['82a', 'Gruppebaseret hjælp og støtte', 8, 3],
      ['82b', 'Individuel tidsbegrænset socialpædagogisk støtte', 8, 3],
      ['82d', 'Støtte i samarbejde med frivillige', 8, 3],
      ['85', 'Socialpædagogisk støtte', 8, 4],
      ['95-96', 'Borgerstyret personlig assistance (BPA)', 12, 12],
      ['100', 'Merudgifter', 8, 12],
      ['103', 'Beskyttet beskæftigelse', 8, 6],
      ['104', 'Aktivitets- og samværstilbud', 8, 6],
      ['105', 'Almene ældreboliger / botilbud efter almenboligloven', 12, 12],
      ['107', 'Midlertidigt botilbud', 12, 6],
      ['108', 'Længerevarende botilbud', 12, 12],
    ]);
  });
  it('looks a paragraph up by its stored code', () => {
    expect(paragraphInfo('85')).toEqual({ code: '85', label: 'Socialpædagogisk støtte', processingWeeks: 8, followUpMonths: 4 });
    expect(paragraphInfo('§ 85')).toBeUndefined();
  });
  it('the legal deadline is the processing weeks in days; § 12 has none; an unknown paragraph gets 8 weeks', () => {
    expect(legalDeadlineDays('85')).toBe(56);
    expect(legalDeadlineDays('108')).toBe(84);
    expect(legalDeadlineDays('12')).toBeNull();
    expect(legalDeadlineDays('999')).toBe(56);
  });
});
