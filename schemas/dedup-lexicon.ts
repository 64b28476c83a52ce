import { z } from 'zod';

/** The word lists dedup reads (pipeline/lexicons/dedup/*.json). */

/** The languages the lexicons cover; claims in any other language match on statement_en alone. */
export const DedupLanguage = z.enum(['en', 'nl', 'de']);
export type DedupLanguage = z.infer<typeof DedupLanguage>;

export const PerLanguage = z.object({
  en: z.array(z.string().min(1)).optional(),
  nl: z.array(z.string().min(1)).optional(),
  de: z.array(z.string().min(1)).optional(),
});

export const AliasFile = z.object({
  about: z.string(),
  entities: z.array(
    z.object({
      id: z.string().regex(/^[a-z-]+$/),
      kind: z.enum(['named', 'role']),
      also: z.array(z.string()).optional(),
      names: PerLanguage,
    }),
  ),
});

export const VerbFile = z.object({
  about: z.string(),
  frames: z.record(z.string(), z.object({ weak: z.boolean() })),
  /** Words that open a reason clause ("because", "weil"): the head verb is the one before them. */
  reasonMarkers: z.object({ en: z.array(z.string()), nl: z.array(z.string()), de: z.array(z.string()) }),
  verbs: z.array(
    z.object({
      verb: z.string().min(1),
      frame: z.string().min(1),
      en: z.array(z.string()),
      nl: z.array(z.string()),
      de: z.array(z.string()),
      /**
       * Only the forms as written, never by stem: the verb's nouns stem like it ("Nutzung" and
       * "nutzen", "het gebruik" and "gebruiken") and would take the head from the real verb.
       */
      asWritten: z.boolean().optional(),
    }),
  ),
});

/** English words (the statements are English) that name one thing in reports of it, by class. */
export const SynonymFile = z.object({
  about: z.string(),
  classes: z.array(z.object({ word: z.string().regex(/^[a-z]+$/), en: z.array(z.string().min(1)) })),
});

export const StopwordFile = z.object({
  about: z.string(),
  en: z.array(z.string()),
  nl: z.array(z.string()),
  de: z.array(z.string()),
});

export const IdentifierFile = z.object({
  about: z.string(),
  notAfter: StopwordFile.omit({ about: true }),
  units: StopwordFile.omit({ about: true }),
});
