import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SnippetRunner } from './RunnableSnippet';
import type { PracticeProblem } from '@/utils/knowledge-types';
import { ConceptChips } from './ConceptChips';
import { HintSteps } from './HintSteps';
import { RichText } from './RichText';
import { CodeText } from './CodeText';

export interface PracticeDetailProps {
  problem: PracticeProblem;
  conceptNames: ReadonlyMap<string, string>;
  onCopy: (code: string) => Promise<void>;
  /** Headings start at this level (the "This page" view nests it one deeper). */
  headingLevel?: 2 | 3;
  /** The editor and tests, shown after the statement and interface (the practice page passes it). */
  workbench?: ComponentChildren;
  /** Gives the solution's snippets Run and Try it. */
  runner?: SnippetRunner;
}

/** A practice problem: statement, hints one at a time, and the solution only when asked for. */
export function PracticeDetail({
  problem,
  conceptNames,
  onCopy,
  headingLevel = 2,
  workbench,
  runner,
}: PracticeDetailProps) {
  const [revealed, setRevealed] = useState(0);
  const [solution, setSolution] = useState(false);
  const H = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  return (
    <article class="aw-practice">
      <H>
        Practice: <CodeText text={problem.title} />
      </H>
      <ConceptChips concepts={problem.concepts.map((id) => ({ id, name: conceptNames.get(id) ?? id }))} />
      <RichText blocks={problem.statement} snippets={problem.snippets} onCopy={onCopy} />
      {problem.interface && workbench && (
        <>
          <Sub>Interface</Sub>
          <RichText blocks={problem.interface} snippets={problem.snippets} onCopy={onCopy} />
        </>
      )}
      {workbench}
      <Sub>Hints</Sub>
      <HintSteps
        hints={problem.hints}
        revealed={revealed}
        onReveal={setRevealed}
        doneNote="That is every hint. The reference solution is below."
      />
      <Sub>Solution</Sub>
      {solution ? (
        <>
          <RichText
            blocks={problem.solution}
            snippets={problem.snippets}
            onCopy={onCopy}
            runner={runner}
            itemId={problem.id}
          />
          <Sub>How to test it</Sub>
          <RichText
            blocks={problem.testing}
            snippets={problem.snippets}
            onCopy={onCopy}
            runner={runner}
            itemId={problem.id}
          />
        </>
      ) : (
        <button type="button" class="aw-button aw-secondary" onClick={() => setSolution(true)}>
          Show the reference solution
        </button>
      )}
    </article>
  );
}
