import {
  reviewOutcomeLabel,
  type ReflectionSummary,
  type SummaryNote,
  type SummaryStage,
} from '@reflectory/shared';
import { readableDate, readableDateTime, voteCount } from './wording.ts';

/**
 * Text people wrote, made inert for Markdown: characters that would start a heading, list, link,
 * emphasis, HTML or a table cell are escaped, and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/^[#>+-]/, (char) => `\\${char}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function noteLine(note: SummaryNote): string {
  const details = [
    note.author === undefined ? 'anonymous' : escapeMarkdown(note.author),
    ...(note.votes === null ? [] : [voteCount(note.votes)]),
    ...(note.round > 1 ? [`round ${note.round}`] : []),
  ];
  return `- ${escapeMarkdown(note.text)} — ${details.join(' · ')}`;
}

function stageSection(stage: SummaryStage, index: number, notesDeleted: boolean): string[] {
  const lines = [`## ${index + 1}. ${escapeMarkdown(stage.title)}`, ''];
  for (const prompt of stage.prompts) lines.push(`> ${escapeMarkdown(prompt)}`);
  lines.push('');
  const counts = [`${stage.noteCount} ${stage.noteCount === 1 ? 'note' : 'notes'}`];
  if (stage.votes !== null) counts.push(voteCount(stage.votes));
  lines.push(counts.join(' · '), '');
  if (stage.themes.length > 0) {
    lines.push('| Theme | Notes | Votes |', '| --- | ---: | ---: |');
    for (const theme of stage.themes) {
      lines.push(`| ${escapeMarkdown(theme.title)} | ${theme.noteCount} | ${theme.votes ?? '–'} |`);
    }
    lines.push('');
  }
  if (notesDeleted || stage.notes.length === 0) return lines;
  const themes = [...new Set(stage.notes.map((note) => note.theme))];
  for (const theme of themes) {
    if (themes.length > 1 || theme !== null) {
      lines.push(`### ${theme === null ? 'Not in a theme' : escapeMarkdown(theme)}`, '');
    }
    for (const note of stage.notes.filter((candidate) => candidate.theme === theme)) {
      lines.push(noteLine(note));
    }
    lines.push('');
  }
  return lines;
}

/** The summary as a Markdown document a person can read as it is. */
export function toMarkdown(summary: ReflectionSummary): string {
  const lines = [`# ${escapeMarkdown(summary.title)}`, ''];
  lines.push(`- Model: ${escapeMarkdown(summary.modelName)}`);
  lines.push(`- Started: ${readableDateTime(summary.createdAt)}`);
  lines.push(
    summary.closedAt === null
      ? '- Still open: this summary may change.'
      : `- Closed: ${readableDateTime(summary.closedAt)}`,
  );
  lines.push(`- People: ${summary.counts.participants}`, `- Notes: ${summary.counts.notes}`, '');
  if (summary.notesDeleted) {
    lines.push(
      `> The notes of this session were deleted on ${readableDate(summary.notesDeleted.at)} under its retention policy (${summary.notesDeleted.retentionDays} days after closing). What remains: themes, counts, vote tallies and actions.`,
      '',
    );
  }
  lines.push(
    'Anonymous notes carry no name, and notes that were never revealed are not included.',
    '',
  );

  if (summary.previousActions.length > 0) {
    lines.push('## Previous actions', '');
    for (const action of summary.previousActions) {
      const decision =
        action.decision === null ? 'Not reviewed' : reviewOutcomeLabel(action.decision);
      const due = action.due === null ? '' : `, due ${action.due}`;
      const note = action.note === null ? '' : ` — ${escapeMarkdown(action.note)}`;
      lines.push(
        `- **${decision}**: ${escapeMarkdown(action.text)} (${escapeMarkdown(action.owner)}${due})${note}`,
      );
    }
    lines.push('');
  }

  summary.stages.forEach((stage, index) =>
    lines.push(...stageSection(stage, index, summary.notesDeleted !== null)),
  );

  lines.push('## Actions', '');
  if (summary.actions.length === 0) {
    lines.push('No actions were recorded.', '');
  } else {
    lines.push('| Action | Owner | Due |', '| --- | --- | --- |');
    for (const action of summary.actions) {
      lines.push(
        `| ${escapeMarkdown(action.text)} | ${escapeMarkdown(action.owner)} | ${action.due ?? '–'} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
