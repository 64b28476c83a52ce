import { describe, expect, it } from 'vitest';
import { glossPieces } from '../pipeline/report/data.ts';

const marked = (english: string, quote: string) =>
  glossPieces(english, quote)
    .filter((piece) => piece.asWritten)
    .map((piece) => piece.text);

describe('a gloss shows which words it kept as written', () => {
  it('marks names and words the lexicon did not know, not what it translated', () => {
    expect(
      marked(
        'The Stadtwerke raised the prices for Rotterdam.',
        'De Stadtwerke hebben de prijzen voor Rotterdam verhoogd.',
      ),
    ).toEqual(['Stadtwerke', 'Rotterdam']);
  });

  it('leaves short words alone, which English spells like Dutch and German', () => {
    expect(marked('The ferry is in port.', 'De veerboot is in de haven.')).toEqual([]);
  });

  it('gives back the whole line, pieces in order', () => {
    const english = 'The Gemeinderat approved the plan.';
    expect(
      glossPieces(english, 'Der Gemeinderat hat den Plan genehmigt.')
        .map((piece) => piece.text)
        .join(''),
    ).toBe(english);
  });
});
