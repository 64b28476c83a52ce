import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatTurn } from '../extract.ts';

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
  return message.content.map((part) => (typeof part === 'string' ? part : part.type === 'text' && 'text' in part ? String(part.text) : '')).join('');
}
