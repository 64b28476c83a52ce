import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatTurn } from '../extract/index.ts';

export function toLangChainMessages(turns: readonly ChatTurn[]): BaseMessage[] {
  return turns.map((turn) => {
    if (turn.role === 'system') return new SystemMessage(turn.content);
    if (turn.role === 'assistant') return new AIMessage(turn.content);
    return new HumanMessage(turn.content);
  });
}

/** The text of a chat model's answer, whether it came as a string or as content parts. */
export function answerText(message: BaseMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => (typeof part === 'string' ? part : part.type === 'text' && 'text' in part ? String(part.text) : ''))
    .join('');
}

/** A streamed answer grew past the byte limit: the rest is not read. */
export class AnswerTooLargeError extends Error {
  constructor(limit: number) {
    super(`the answer passed ${limit} bytes and was cut off; answer with fewer, shorter claims`);
    this.name = 'AnswerTooLargeError';
  }
}

/**
 * The text of a streamed answer, read only up to `maxBytes`: a model that streams 50 MB costs
 * that limit, not 50 MB (and then twice that in the repair turn).
 */
export async function collectAnswer(stream: AsyncIterable<BaseMessage>, maxBytes: number): Promise<string> {
  let text = '';
  let bytes = 0;
  for await (const chunk of stream) {
    const piece = answerText(chunk);
    bytes += Buffer.byteLength(piece);
    if (bytes > maxBytes) throw new AnswerTooLargeError(maxBytes);
    text += piece;
  }
  return text;
}
