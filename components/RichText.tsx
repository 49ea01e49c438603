/** Renders the compiled safe-Markdown tree as elements; there is no HTML string anywhere on this path. */
import type { Block, Inline, Snippet } from '@/utils/knowledge-types';
import { CodeBlock } from './CodeBlock';

export function InlineText({ nodes }: { nodes: readonly Inline[] }) {
  return (
    <>
      {nodes.map((node, i) => {
        switch (node.k) {
          case 'text':
            return node.t;
          case 'code':
            return <code key={i}>{node.t}</code>;
          case 'strong':
            return (
              <strong key={i}>
                <InlineText nodes={node.c} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <InlineText nodes={node.c} />
              </em>
            );
          case 'link':
            return (
              <a key={i} href={node.href} target="_blank" rel="noreferrer noopener">
                <InlineText nodes={node.c} />
              </a>
            );
        }
      })}
    </>
  );
}

export interface RichTextProps {
  blocks: readonly Block[];
  snippets: readonly Snippet[];
  onCopy?(code: string): void;
}

export function RichText({ blocks, snippets, onCopy }: RichTextProps) {
  return (
    <div class="aw-rich">
      {blocks.map((block, i) => {
        switch (block.k) {
          case 'p':
            return (
              <p key={i}>
                <InlineText nodes={block.c} />
              </p>
            );
          case 'ul':
          case 'ol': {
            const List = block.k;
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>
                    <InlineText nodes={item} />
                  </li>
                ))}
              </List>
            );
          }
          case 'snippet': {
            const snippet = snippets[block.i];
            return snippet ? <CodeBlock key={i} snippet={snippet} onCopy={onCopy} /> : null;
          }
        }
      })}
    </div>
  );
}
