import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractionOutput } from '../schemas/claim.ts';
import { chunkArticle, estimateTokens } from '../pipeline/llm/chunk.ts';
import { parseAnswer } from '../pipeline/llm/parse.ts';
import { articleMessage, buildMessages, DEFAULT_PROMPT_FILE, loadPrompt } from '../pipeline/llm/prompt.ts';
import { backoffMs, classifyFailure, HttpStatusError, retryAfterMs, withRetries } from '../pipeline/llm/retry.ts';
import { tempDir } from './support/folder.ts';

describe('chunking long articles', () => {
  const paragraphs = Array.from({ length: 30 }, (_, i) =>
    `Paragraph ${i} says something about topic ${i}. `.repeat(8).trim(),
  );
  const text = paragraphs.join('\n\n');

  it('keeps a short article whole, so its cache key is the article', () => {
    expect(chunkArticle('One paragraph.\n\nAnother one.', { maxTokens: 100, overlapTokens: 10 })).toEqual([
      'One paragraph.\n\nAnother one.',
    ]);
  });

  it('splits on paragraphs under the budget, covering every paragraph, with overlap', () => {
    const options = { maxTokens: 400, overlapTokens: 120 };
    const chunks = chunkArticle(text, options);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(estimateTokens(chunk)).toBeLessThanOrEqual(options.maxTokens);
    for (const paragraph of paragraphs) expect(chunks.some((chunk) => chunk.includes(paragraph))).toBe(true);
    for (let i = 1; i < chunks.length; i++) {
      const firstOfNext = chunks[i]!.split('\n\n')[0]!;
      expect(chunks[i - 1]!.includes(firstOfNext)).toBe(true);
    }
  });

  it('cuts a paragraph longer than the budget at sentence ends', () => {
    const long = 'This sentence is one of many in a very long paragraph. '.repeat(100).trim();
    const chunks = chunkArticle(long, { maxTokens: 200, overlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.endsWith('.')).toBe(true);
  });
});

describe('parsing a model answer', () => {
  const good = { claims: [] };
  it.each([
    ['bare JSON', JSON.stringify(good)],
    ['JSON in a code fence', `\`\`\`json\n${JSON.stringify(good)}\n\`\`\``],
    ['JSON after a sentence', `Here are the claims:\n${JSON.stringify(good)}`],
    ['a bare array of claims', '[]'],
  ])('accepts %s', (_name, answer) => {
    expect(parseAnswer(answer, ExtractionOutput, 'claims')).toEqual({ ok: true, value: good });
  });

  describe('with ``` inside a JSON string', () => {
    const claim = {
      actor: 'The developer',
      action: 'typed a code fence',
      date: null,
      reason: null,
      source: null,
      quote: 'he typed ``` here',
      polarity: 'affirmed',
      modality: 'fact',
      statement_en: 'The developer typed ``` into the chat.',
    };
    const answer = { claims: [claim] };
    const json = JSON.stringify(answer);
    it.each([
      ['bare', json],
      ['bare, over several lines', JSON.stringify(answer, null, 2)],
      ['in a json fence', `\`\`\`json\n${json}\n\`\`\``],
      ['in a plain fence, indented over several lines', `\`\`\`\n${JSON.stringify(answer, null, 2)}\n\`\`\``],
      ['after a sentence', `Here are the claims:\n${json}`],
      [
        'in a fence after a sentence with a ``` of its own',
        `I skipped the \`\`\` ones.\n\`\`\`json\n${json}\n\`\`\`\n`,
      ],
    ])('accepts the answer %s, the quote as written', (_name, answer) => {
      const result = parseAnswer(answer, ExtractionOutput);
      expect(result).toMatchObject({ ok: true, value: { claims: [{ quote: 'he typed ``` here' }] } });
    });
  });

  it('reports where the answer breaks the schema, for the repair turn', () => {
    const result = parseAnswer('{"claims": [{"actor": "A", "polarity": "perhaps"}]}', ExtractionOutput);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatch(/claims\.0\.polarity/);
      expect(result.errors).toMatch(/claims\.0\.quote/);
      expect(result.summary.length).toBeLessThan(result.errors.length);
    }
  });

  it('reports broken JSON as such', () => {
    expect(parseAnswer('{"claims": [', ExtractionOutput)).toMatchObject({
      ok: false,
      errors: expect.stringMatching(/not valid JSON/),
    });
  });
});

describe('retrying', () => {
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': new Date(10_000 + 5000).toUTCString() }, 5000],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after-ms': '', 'retry-after': '2' }, 2000],
    [{}, undefined],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(retryAfterMs(headers, 10_000)).toBe(expected);
  });

  it.each([
    [{ status: 429, headers: new Headers({ 'retry-after': '2' }) }, true, 2000],
    [{ status: 503 }, true, undefined],
    [{ status_code: 502 }, true, undefined],
    [{ status: 400 }, false, undefined],
    [{ status: 501 }, false, undefined],
    [{ status: 401 }, false, undefined],
    [Object.assign(new Error('fetch failed'), { cause: new Error('ECONNRESET') }), true, undefined],
    [new Error('something else'), false, undefined],
  ])('classifies %o: retryable %s', (error, retryable, after) => {
    const failure = classifyFailure(error);
    expect(failure.retryable).toBe(retryable);
    expect(failure.retryAfterMs).toBe(after);
  });

  it('waits what Retry-After says, backs off on its own otherwise, and stops at a final error', async () => {
    const waits: number[] = [];
    const failures = [
      Object.assign(new Error('429 rate limited'), { status: 429, headers: new Headers({ 'retry-after': '7' }) }),
      new HttpStatusError(503, 'busy'),
      new HttpStatusError(429, 'slow down', 1500),
    ];
    let attempts = 0;
    const answer = await withRetries(
      async () => {
        const failure = failures[attempts++];
        if (failure) throw failure;
        return 'ok';
      },
      { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 1000 },
      undefined,
      async (ms) => void waits.push(ms),
    );
    expect(answer).toBe('ok');
    expect(waits[0]).toBe(7000);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect(waits[2]).toBe(1500);
    const final = withRetries(
      async () => {
        throw Object.assign(new Error('400 bad request'), { status: 400 });
      },
      { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 1000 },
    );
    await expect(final).rejects.toThrow(/^LLM request failed: 400 bad request$/);
  });

  it('backs off exponentially with jitter inside the ceiling', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 6].map((attempt) => backoffMs(attempt, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 6].map((attempt) => backoffMs(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('the extraction prompt', () => {
  it('loads, with examples in Dutch, German and English', () => {
    const prompt = loadPrompt();
    expect(new Set(prompt.examples.map((example) => example.language))).toEqual(new Set(['nl', 'de', 'en']));
  });

  it('refuses an example whose quote is not in its article', () => {
    const prompt = JSON.parse(readFileSync(DEFAULT_PROMPT_FILE, 'utf8')) as {
      examples: { claims: { quote: string }[] }[];
    };
    prompt.examples[0]!.claims[0]!.quote = 'a sentence the example article never had';
    const file = join(tempDir(), 'prompt.json');
    writeFileSync(file, JSON.stringify(prompt));
    expect(() => loadPrompt(file)).toThrow(/example 1 .*is not in its article/);
  });

  it('sends the schema in the instructions and the article as the last, delimited turn', () => {
    const turns = buildMessages(loadPrompt(), 'Der Text.', 'de');
    expect(turns[0]!.role).toBe('system');
    expect(turns[0]!.content).toContain('"statement_en"');
    expect(turns.at(-1)).toEqual({
      role: 'user',
      content: 'Extract the claims of this German article.\n<article>\nDer Text.\n</article>',
    });
  });

  it('defuses article tags inside the text', () => {
    const message = articleMessage('A </article> B <ARTICLE> C', 'en');
    expect(message.match(/<\/?article>/giu)).toEqual(['<article>', '</article>']);
  });
});
