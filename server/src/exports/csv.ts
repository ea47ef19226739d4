import type { ReflectionSummary } from '@reflectory/shared';
import { readableDate } from './wording.ts';

const columns = [
  'kind',
  'stage',
  'theme',
  'text',
  'author',
  'votes',
  'notes',
  'owner',
  'due',
  'decision',
] as const;
type Row = Partial<Record<(typeof columns)[number], string | number | null>>;

/**
 * One cell: a spreadsheet would run a cell starting with = + - @ (or a tab or carriage return)
 * as a formula, so such a cell gets a leading apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(row: Row): string {
  return columns.map((column) => csvCell(row[column])).join(',');
}

/**
 * The summary as CSV, one row per item: the session, each stage, theme, note, previous action and
 * action. Anonymous notes have an empty author cell.
 */
export function toCsv(summary: ReflectionSummary): string {
  const rows: Row[] = [
    { kind: 'session', text: summary.title, notes: summary.counts.notes },
    { kind: 'model', text: summary.modelName },
  ];
  if (summary.notesDeleted) {
    rows.push({
      kind: 'retention',
      text: `Notes deleted on ${readableDate(summary.notesDeleted.at)}, ${summary.notesDeleted.retentionDays} days after closing`,
    });
  }
  for (const action of summary.previousActions) {
    rows.push({
      kind: 'previous action',
      text: action.text,
      owner: action.owner,
      due: action.due,
      decision:
        action.decision === null ? null : [action.decision, action.note].filter(Boolean).join(': '),
    });
  }
  for (const stage of summary.stages) {
    rows.push({
      kind: 'stage',
      stage: stage.title,
      text: stage.prompts.join(' '),
      votes: stage.votes,
      notes: stage.noteCount,
    });
    for (const theme of stage.themes) {
      rows.push({
        kind: 'theme',
        stage: stage.title,
        theme: theme.title,
        votes: theme.votes,
        notes: theme.noteCount,
      });
    }
    for (const note of stage.notes) {
      rows.push({
        kind: 'note',
        stage: stage.title,
        theme: note.theme,
        text: note.text,
        author: note.author ?? null,
        votes: note.votes,
      });
    }
  }
  for (const action of summary.actions) {
    rows.push({ kind: 'action', text: action.text, owner: action.owner, due: action.due });
  }
  return `${[columns.join(','), ...rows.map(line)].join('\r\n')}\r\n`;
}
