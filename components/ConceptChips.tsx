export interface ConceptChipsProps {
  concepts: readonly { id: string; name: string }[];
  label?: string;
}

export function ConceptChips({ concepts, label = 'Concepts' }: ConceptChipsProps) {
  if (concepts.length === 0) return null;
  return (
    <ul class="aw-chips" aria-label={label}>
      {concepts.map((c) => (
        <li key={c.id} class="aw-chip">
          {c.name}
        </li>
      ))}
    </ul>
  );
}
