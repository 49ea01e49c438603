/** Renders the compiled safe-Markdown tree as elements; there is no HTML string anywhere on this path. */
import type { Block, Inline, Snippet } from '@/utils/knowledge-types';
import { formatRoute } from '@/utils/routes';
import { CodeBlock } from './CodeBlock';
import { RunnableSnippet, type SnippetRunner } from './RunnableSnippet';

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
          case 'ref':
            // Another card of the knowledge base: a side panel address, so it opens in the panel itself.
            return (
              <a key={i} href={formatRoute({ view: node.to, id: node.id })}>
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
  /** Awaited by the Copy button, which reports a rejected copy as "Copy failed". */
  onCopy?: (code: string) => void | Promise<void>;
  /** With a runner, snippets get Run and Try it; `itemId` keys the user's edited copies. */
  runner?: SnippetRunner;
  itemId?: string;
  /** What to look for in a run's timeline (the card's `timeline` sentence). */
  timelineHint?: string;
}

export function RichText({ blocks, snippets, onCopy, runner, itemId, timelineHint }: RichTextProps) {
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
            if (!snippet) return null;
            return runner && itemId ? (
              <RunnableSnippet
                key={`${itemId}#${block.i}`}
                snippet={snippet}
                draftKey={`snippet:${itemId}#${block.i + 1}`}
                runner={runner}
                onCopy={onCopy}
                timelineHint={timelineHint}
              />
            ) : (
              <CodeBlock key={i} snippet={snippet} onCopy={onCopy} />
            );
          }
        }
      })}
    </div>
  );
}
