/**
 * Starts the loopback LLM server by hand, answering from the recorded extractions:
 *   npx tsx tests/llm-server/serve.ts --port 8089 [--latency-ms 200] [--recordings dir] [--model name]
 * then, in another shell:
 *   OPENAI_API_KEY=sk-test OPENAI_BASE_URL=http://127.0.0.1:8089/v1 npm run ingest -- corpus --llm openai:test-model
 *   OLLAMA_HOST=http://127.0.0.1:8089 npm run ingest -- corpus --llm ollama:test-model
 */
import { parseArgs } from 'node:util';
import { asServerRecordings, loadRecordings, RECORDINGS_DIR } from './recordings.ts';
import { startLlmServer } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8089' },
    'latency-ms': { type: 'string', default: '0' },
    recordings: { type: 'string', default: RECORDINGS_DIR },
    model: { type: 'string', multiple: true, default: ['test-model'] },
  },
});

const recordings = loadRecordings(values.recordings);
const server = await startLlmServer({
  port: Number(values.port),
  latencyMs: Number(values['latency-ms']),
  models: values.model,
  recordings: asServerRecordings(recordings),
});
process.stdout.write(
  `loopback LLM server on 127.0.0.1:${server.port} with ${recordings.length} recorded extractions\n` +
    `  OPENAI_API_KEY=sk-test OPENAI_BASE_URL=${server.openaiBaseUrl} npm run ingest -- corpus --llm openai:${values.model[0]}\n` +
    `  OLLAMA_HOST=${server.ollamaHost} npm run ingest -- corpus --llm ollama:${values.model[0]}\n`,
);
const report = () =>
  process.stdout.write(
    `requests ${server.stats.chatRequests}, unmatched ${server.stats.unmatched}, unscripted ${server.stats.unscripted}, max in flight ${server.stats.maxInFlight}\n`,
  );
const timer = setInterval(() => {
  if (server.stats.chatRequests) report();
}, 5000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    clearInterval(timer);
    report();
    void server.close().then(() => process.exit(0));
  });
}
