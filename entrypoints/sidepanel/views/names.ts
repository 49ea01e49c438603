/** Display names the views look ids up in. */
import { catalogue } from '@/utils/knowledge';

export const conceptNames: ReadonlyMap<string, string> = new Map(catalogue.concepts.map((c) => [c.id, c.name]));
export const questionTitles: ReadonlyMap<string, string> = new Map(catalogue.questions.map((q) => [q.id, q.question]));
