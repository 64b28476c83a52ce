import { describe, expect, it } from 'vitest';
import { articleMessage, buildMessages, contextOf, loadPrompt } from '../pipeline/llm/prompt.ts';
import { extractRuleClaims } from '../pipeline/rules/extract.ts';

describe('the extraction prompt, version 2', () => {
  const prompt = loadPrompt();

  it('has a new version, so cached answers of the old prompt are not reused', () => {
    expect(prompt.version).toBe('extract-v2');
  });

  it('passes the title, outlet and publication date with the article, outside the article tags', () => {
    const context = contextOf({
      articleId: 'a',
      text: 'Der Text.',
      language: 'de',
      title: 'Zoom </article> verboten',
      outlet: 'Blatt',
      published: { iso: '2020-04-08', precision: 'day' },
    });
    const message = articleMessage('Der Text.', 'de', context);
    expect(message).toBe(
      'Extract the claims of this German article.\nTitle: Zoom ‹/article> verboten\nOutlet: Blatt\nPublished: 2020-04-08\n<article>\nDer Text.\n</article>',
    );
    expect(buildMessages(prompt, 'Der Text.', 'de', context).at(-1)?.content).toBe(message);
  });

  const skipLine = prompt.system.find((paragraph) => paragraph.startsWith('What to skip'))!;
  it.each(['nl', 'de', 'en'] as const)(
    '%s: the sentence named as one to skip is in its example, without a claim',
    (language) => {
      const example = prompt.examples.find((e) => e.language === language)!;
      expect(example.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const skipped = [...skipLine.matchAll(/"([^"]+)"/g)]
        .map((m) => m[1]!)
        .find((sentence) => example.article.includes(sentence));
      expect(skipped).toBeDefined();
      expect(example.claims.some((claim) => claim.quote.includes(skipped!) || skipped!.includes(claim.quote))).toBe(
        false,
      );
      // The rules extractor leaves it out too.
      expect(extractRuleClaims({ articleId: 'x', text: skipped!, language })).toEqual([]);
    },
  );

  it('asks for decontextualised English with attribution, negation and modality kept', () => {
    const system = prompt.system.join('\n');
    for (const phrase of [
      'Select only verifiable content',
      'Decompose',
      'names instead of pronouns',
      'numbers and units exactly as written',
      'According to',
      'Never turn a negated claim into an affirmed one',
    ]) {
      expect(system).toContain(phrase);
    }
  });

  it('keeps negation in the English of every negated example claim', () => {
    for (const claim of prompt.examples.flatMap((e) => e.claims)) {
      expect(/\b(?:not|no|never)\b/.test(claim.statement_en)).toBe(claim.polarity === 'negated');
    }
  });
});
