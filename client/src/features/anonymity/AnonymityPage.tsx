import { Fragment, useEffect } from 'react';
import { Link } from 'react-router';
import source from '../../../../docs/anonymity.md?raw';
import { parseMarkdown, type Inline } from './markdown.ts';

const blocks = parseMarkdown(source);

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, index) => {
        switch (inline.kind) {
          case 'strong':
            return <strong key={index}>{inline.text}</strong>;
          case 'code':
            return <code key={index}>{inline.text}</code>;
          case 'link':
            // Links between our docs point at files in the repository; here they are plain text.
            return <Fragment key={index}>{inline.text}</Fragment>;
          default:
            return <Fragment key={index}>{inline.text}</Fragment>;
        }
      })}
    </>
  );
}

/** docs/anonymity.md, the one statement of what "anonymous" promises, shown in the app. */
export function AnonymityPage() {
  useEffect(() => {
    document.title = 'What anonymous means · Reflectory';
  }, []);
  return (
    <article className="page narrow prose">
      {blocks.map((block, index) => {
        if (block.kind === 'heading') {
          const Heading = block.level === 1 ? 'h1' : block.level === 2 ? 'h2' : 'h3';
          return <Heading key={index}>{block.text}</Heading>;
        }
        if (block.kind === 'list') {
          return (
            <ul key={index}>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <Inlines inlines={item} />
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={index}>
            <Inlines inlines={block.inlines} />
          </p>
        );
      })}
      <p>
        <Link to="/">Back to the start page</Link>
      </p>
    </article>
  );
}
