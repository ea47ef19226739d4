import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.ts';
import { escapeMarkdown } from './markdown.ts';
import { exportFileName } from './wording.ts';

describe('export formats', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1', "'-1"],
    ['@risk', "'@risk"],
    ['\tindented', "'\tindented"],
  ])('a CSV cell starting a formula is made inert: %s', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('CSV cells are quoted when they hold a quote, a comma or a line break', () => {
    expect(csvCell('plain words')).toBe('plain words');
    expect(csvCell('said "no", then left')).toBe('"said ""no"", then left"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('text in Markdown cannot start a heading, a list, a link or a table cell', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdown('a | b <script>')).toBe('a \\| b \\<script\\>');
    expect(escapeMarkdown('line one\n\n## line two')).toBe('line one ## line two');
    expect(escapeMarkdown('e.g. a normal sentence, with punctuation!')).toBe(
      'e.g. a normal sentence, with punctuation!',
    );
  });

  it('a download is named from the title in safe ASCII, with the date', () => {
    expect(
      exportFileName('Night shift: "handover" / Ward 7', '2026-11-22T09:00:00.000Z', 'md'),
    ).toBe('reflectory-night-shift-handover-ward-7-2026-11-22.md');
    expect(exportFileName('Réflexion d’équipe', '2026-01-02T00:00:00.000Z', 'csv')).toBe(
      'reflectory-reflexion-d-equipe-2026-01-02.csv',
    );
    expect(exportFileName('💬', '2026-01-02T00:00:00.000Z', 'json')).toBe(
      'reflectory-session-2026-01-02.json',
    );
  });
});
