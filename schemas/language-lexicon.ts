import { z } from 'zod';

/** The function words language detection checks franc against (pipeline/lexicons/language/function-words.json). */
export const FunctionWords = z.object({
  supported: z.record(z.enum(['nl', 'de', 'en']), z.array(z.string()).min(10)),
  relatives: z
    .record(z.string(), z.object({ resembles: z.enum(['nl', 'de', 'en']), words: z.array(z.string()).min(5) }))
    .describe('common words of a close relative that never occur in the language it resembles'),
});
