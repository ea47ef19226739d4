export interface BoardArea {
  id: string;
  title: string;
  prompt: string;
}

/** Until the model catalog arrives, every board has Borton's three questions, in our words. */
export const defaultBoardAreas: readonly BoardArea[] = [
  {
    id: 'what',
    title: 'What?',
    prompt: 'What happened? Describe the situation, who was involved and what you noticed.',
  },
  {
    id: 'so-what',
    title: 'So what?',
    prompt:
      'Why does it matter? What did it mean to you, and what does it tell us about our practice?',
  },
  {
    id: 'now-what',
    title: 'Now what?',
    prompt: 'What will we do next, and what would make the most difference?',
  },
];
