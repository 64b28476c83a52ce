import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback LLM server for tests and benchmarks: it speaks the OpenAI chat-completions protocol
 * (/v1/chat/completions, /v1/models, /v1/embeddings) and Ollama's (/api/chat, /api/tags, /api/embed),
 * answers from recorded extractions, and misbehaves on cue. Nothing in the product depends on it.
 */

/** What one request gets back. */
export type Reply =
  | { kind: 'claims'; claims: unknown[] }
  | { kind: 'content'; content: string }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'hang' };

/** The recorded extraction for an article: served to any request whose article contains `when`. */
export type Recording = { when: string; claims: unknown[] };

/** Replies for an article containing `when`, used up one per request before its recording is served. */
export type Script = { when: string; replies: Reply[] };

export type ServerOptions = {
  recordings?: readonly Recording[];
  scripts?: readonly Script[];
  latencyMs?: number;
  models?: readonly string[];
  port?: number;
};

export type ChatRequestLog = {
  protocol: 'openai' | 'ollama';
  model: string;
  messages: { role: string; content: string }[];
  subject: string;
  body: Record<string, unknown>;
};

/** `unmatched`: extraction requests no recording answered; `unscripted`: other questions no script answered. */
export type ServerStats = {
  chatRequests: number;
  embedRequests: number;
  inFlight: number;
  maxInFlight: number;
  unmatched: number;
  unscripted: number;
};

export type LlmServer = {
  port: number;
  /** For OPENAI_BASE_URL. */
  openaiBaseUrl: string;
  /** For OLLAMA_HOST. */
  ollamaHost: string;
  stats: ServerStats;
  requests: ChatRequestLog[];
  addScript(script: Script): void;
  addRecordings(recordings: readonly Recording[]): void;
  setLatency(ms: number): void;
  resetStats(): void;
  close(): Promise<void>;
};

const ARTICLE_OPEN = '<article>';

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((part) => (typeof part === 'string' ? part : String((part as { text?: unknown }).text ?? '')))
      .join('');
  return '';
}

/** The article a request is about: the last user turn that carries one (repair turns do not). */
function subjectOf(messages: { role: string; content: string }[]): string {
  const users = messages.filter((message) => message.role === 'user');
  const withArticle = users.filter((message) => message.content.includes(ARTICLE_OPEN));
  const turn = withArticle.at(-1) ?? users.at(-1);
  if (!turn) return '';
  const start = turn.content.lastIndexOf(ARTICLE_OPEN);
  return start < 0 ? turn.content : turn.content.slice(start + ARTICLE_OPEN.length);
}

/** A deterministic bag-of-words vector: texts sharing words point the same way. */
export function fakeEmbedding(text: string, dimensions = 64): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let hash = 2166136261;
    for (const char of word) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
    vector[(hash >>> 0) % dimensions]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startLlmServer(options: ServerOptions = {}): Promise<LlmServer> {
  const recordings: Recording[] = [...(options.recordings ?? [])];
  const scripts: Script[] = (options.scripts ?? []).map((script) => ({
    when: script.when,
    replies: [...script.replies],
  }));
  const models = options.models ?? ['test-model'];
  let latencyMs = options.latencyMs ?? 0;
  const stats: ServerStats = {
    chatRequests: 0,
    embedRequests: 0,
    inFlight: 0,
    maxInFlight: 0,
    unmatched: 0,
    unscripted: 0,
  };
  const requests: ChatRequestLog[] = [];
  const sockets = new Set<Socket>();

  const nextReply = (subject: string, isExtraction: boolean): Reply => {
    const script = scripts.find((candidate) => candidate.replies.length > 0 && subject.includes(candidate.when));
    if (script) return script.replies.shift()!;
    // Recordings are extractions; any other question (a judge's) needs a script, or is refused at once.
    if (!isExtraction) {
      stats.unscripted += 1;
      return {
        kind: 'status',
        status: 501,
        body: 'the loopback server answers recorded extractions and scripted replies only',
      };
    }
    const recording = recordings.find((candidate) => subject.includes(candidate.when));
    if (recording) return { kind: 'claims', claims: recording.claims };
    stats.unmatched += 1;
    return { kind: 'claims', claims: [] };
  };

  const chat = async (protocol: 'openai' | 'ollama', request: IncomingMessage, response: ServerResponse) => {
    const body = await readJson(request);
    const messages = ((body.messages as { role: string; content: unknown }[] | undefined) ?? []).map((m) => ({
      role: m.role,
      content: textOf(m.content),
    }));
    const subject = subjectOf(messages);
    const model = String(body.model ?? '');
    requests.push({ protocol, model, messages, subject, body });
    stats.chatRequests += 1;
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let open = true;
    response.on('close', () => {
      if (open) stats.inFlight -= 1;
      open = false;
    });
    const reply = nextReply(
      subject,
      messages.some((message) => message.role === 'user' && message.content.includes(ARTICLE_OPEN)),
    );
    if (latencyMs > 0) await sleep(latencyMs);
    if (reply.kind === 'hang') return; // the client's time-out has to end this one
    if (reply.kind === 'status') {
      const headers: Record<string, string> = reply.retryAfter !== undefined ? { 'retry-after': reply.retryAfter } : {};
      const message = reply.body ?? `scripted ${reply.status}`;
      sendJson(
        response,
        reply.status,
        protocol === 'openai' ? { error: { message, type: 'server_error' } } : { error: message },
        headers,
      );
      return;
    }
    const content = reply.kind === 'claims' ? JSON.stringify({ claims: reply.claims }) : reply.content;
    if (protocol === 'ollama') return ollamaAnswer(response, model, content, body.stream !== false);
    return openaiAnswer(response, model, content, body.stream === true);
  };

  const embed = async (protocol: 'openai' | 'ollama', request: IncomingMessage, response: ServerResponse) => {
    const body = await readJson(request);
    stats.embedRequests += 1;
    const inputs = ([] as unknown[]).concat(body.input ?? []).map(String);
    const vectors = inputs.map((input) => fakeEmbedding(input));
    if (protocol === 'ollama') return sendJson(response, 200, { model: body.model, embeddings: vectors });
    const base64 = body.encoding_format === 'base64';
    sendJson(response, 200, {
      object: 'list',
      model: body.model,
      data: vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
      })),
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
  };

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!.replace(/\/+$/u, '');
    const route = `${request.method} ${path}`;
    const handle = async () => {
      if (route === 'GET /v1/models' || route === 'GET /models') {
        return sendJson(response, 200, {
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'claimlens-tests' })),
        });
      }
      if (route === 'POST /v1/chat/completions' || route === 'POST /chat/completions')
        return chat('openai', request, response);
      if (route === 'POST /v1/embeddings' || route === 'POST /embeddings') return embed('openai', request, response);
      if (route === 'GET /api/tags') {
        return sendJson(response, 200, {
          models: models.map((name) => ({
            name: `${name}:latest`,
            model: `${name}:latest`,
            modified_at: new Date(0).toISOString(),
            size: 0,
            digest: '0',
            details: {},
          })),
        });
      }
      if (route === 'POST /api/chat') return chat('ollama', request, response);
      if (route === 'POST /api/embed') return embed('ollama', request, response);
      sendJson(response, 404, { error: `no route ${route}` });
    };
    handle().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 400, { error: String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    openaiBaseUrl: `http://127.0.0.1:${port}/v1`,
    ollamaHost: `http://127.0.0.1:${port}`,
    stats,
    requests,
    addScript: (script) => void scripts.push({ when: script.when, replies: [...script.replies] }),
    addRecordings: (more) => void recordings.push(...more),
    setLatency: (ms) => void (latencyMs = ms),
    resetStats: () => {
      Object.assign(stats, {
        chatRequests: 0,
        embedRequests: 0,
        maxInFlight: stats.inFlight,
        unmatched: 0,
        unscripted: 0,
      });
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function openaiAnswer(response: ServerResponse, model: string, content: string, stream: boolean): void {
  const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
  const created = Math.floor(Date.now() / 1000);
  if (stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    response.end(`${chunk({ role: 'assistant', content }, null)}${chunk({}, 'stop')}data: [DONE]\n\n`);
    return;
  }
  sendJson(response, 200, {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  });
}

function ollamaAnswer(response: ServerResponse, model: string, content: string, stream: boolean): void {
  const created_at = new Date().toISOString();
  const done = {
    model,
    created_at,
    message: { role: 'assistant', content: stream ? '' : content },
    done: true,
    done_reason: 'stop',
    total_duration: 0,
    prompt_eval_count: 0,
    eval_count: 0,
  };
  if (!stream) return sendJson(response, 200, done);
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  // Two pieces, as a streaming model would send them, so the client has to join them.
  const middle = Math.floor(content.length / 2);
  const piece = (text: string) =>
    `${JSON.stringify({ model, created_at, message: { role: 'assistant', content: text }, done: false })}\n`;
  response.end(`${piece(content.slice(0, middle))}${piece(content.slice(middle))}${JSON.stringify(done)}\n`);
}
