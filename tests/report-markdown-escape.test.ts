import { describe, expect, it } from 'vitest';
import type { ClaimRow } from '../pipeline/store/contradictions.ts';
import { renderMarkdown } from '../pipeline/report/markdown.ts';

const ATTACKS = {
  image: '![x](http://127.0.0.1:9/pixel.png)',
  link: '[click me](javascript:alert(1))',
  html: '<img src=http://127.0.0.1:9/a.png onerror=alert(1)>',
  reference: '[x]: javascript:alert(2)',
  autolink: '<javascript:alert(3)>',
} as const;

const claim = (id: string, field: string): ClaimRow => ({
  claim_id: id,
  article_id: `article-${id}`,
  language: 'en',
  actor: field,
  action: field,
  date: null,
  date_start: null,
  date_end: null,
  date_precision: null,
  reason: field,
  source: field,
  quote: `Quote ${field} end.`,
  char_start: 0,
  char_end: 10,
  alignment: 'exact',
  alignment_score: 1,
  statement_en: field,
  polarity: 'affirmed',
  modality: 'fact',
  extractor: 'openai',
  model: field,
  prompt_version: 'v1',
  cluster_id: null,
  published: null,
  outlet: field,
  path: `feed.jsonl#1 ${field}`,
});

function report(field: string): string {
  return renderMarkdown({
    counts: {
      articles: 2,
      claims: 2,
      clusters: 1,
      contradictions: 1,
      held: 0,
      byKind: { other: 1 },
      byLanguage: { en: 2 },
    },
    items: [
      {
        contradiction_id: 'c1',
        kind: 'other',
        claim_a: 'a',
        claim_b: 'b',
        explanation: `# ${field}\n\n${field}`,
        score: 0.9,
        judge: field,
        support_a: 1,
        support_b: 1,
        a: claim('a', field),
        b: claim('b', field),
      },
    ],
  });
}

/**
 * What a CommonMark/GFM renderer would turn into a link, an image or a tag outside code spans (which
 * show their content as is): an unescaped `[`, a raw `<`, or a heading the report did not write.
 */
const live = (markdown: string) =>
  [
    ...markdown.replace(/`[^`\n]*`/gu, '').matchAll(/(?<!\\)\[|<|^#{1,6} (?!Contradictions$|\d+\. other · score)/gmu),
  ].map((match) => match[0]);

describe('contradictions.md keeps untrusted text as text', () => {
  it.each(Object.entries(ATTACKS))(
    'writes a %s from an outlet, model fields and the judge reason inert',
    (_name, attack) => {
      const markdown = report(attack);
      expect(live(markdown)).toEqual([]);
      // The words are still there for the reader.
      expect(markdown).toContain(attack.includes('javascript') ? 'javascript:alert' : '127.0.0.1');
    },
  );

  it('escapes the link syntax with backslashes, so the text reads as written', () => {
    const markdown = report(ATTACKS.image);
    expect(markdown).toContain('| outlet, published | !\\[x\\](http://127.0.0.1:9/pixel.png), undated |');
  });

  it('drops escape sequences and control characters from every field, so cat cannot clear a screen or set a title', () => {
    const attack = 'Daily\u001b[2J\u001b]0;owned\u0007 Ledger\u001b[31m red\u009b31m\u0007';
    const markdown = report(attack);
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(markdown).toContain('| outlet, published | Daily Ledger red, undated |');
  });
});
