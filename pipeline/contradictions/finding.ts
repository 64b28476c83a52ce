import type { ContradictionKind } from '../../schemas/contradiction.ts';

/** What one rule says about a pair: the kind, a sentence a reviewer can check, and how sure it is. */
export type Finding = { kind: ContradictionKind; explanation: string; score: number };

/** A rule's finding with why the strict checks hold it out of the report, or null when it is shown. */
export type HeldFinding = Finding & { held: string | null };

export const clampScore = (score: number) => Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100;
