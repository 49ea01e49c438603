/** `#/practice/<id>`: one practice problem. */
import { PracticeView } from '@/components/PracticeView';
import { practiceById } from '@/utils/knowledge';
import { conceptNames } from './names';

export interface PracticePageProps {
  id: string;
  onCopy(code: string): Promise<void>;
}

export function PracticePage({ id, onCopy }: PracticePageProps) {
  const problem = practiceById.get(id);
  if (!problem) return <p class="aw-error-box">That practice problem no longer exists.</p>;
  return <PracticeView key={problem.id} problem={problem} conceptNames={conceptNames} onCopy={onCopy} />;
}
