import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs over several lines, lists with wrapped items, bold, code and links', () => {
    const blocks = parseMarkdown(
      '# Title\n\nOne line\nand the next with **bold** and `code`.\n\n- first item\n  continues\n- second [link](other.md)\n\n## Part\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'One line and the next with ' },
          { kind: 'strong', text: 'bold' },
          { kind: 'text', text: ' and ' },
          { kind: 'code', text: 'code' },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        items: [
          [{ kind: 'text', text: 'first item continues' }],
          [
            { kind: 'text', text: 'second ' },
            { kind: 'link', text: 'link', href: 'other.md' },
          ],
        ],
      },
      { kind: 'heading', level: 2, text: 'Part' },
    ]);
  });
});
