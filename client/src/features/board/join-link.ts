/** The link people open to join; the code is all it carries, never a credential. */
export function joinLinkFor(joinCode: string): string {
  return `${location.origin}/j/${joinCode}`;
}

/** "K7MP3Q" as two groups of three, which are easier to read aloud and to copy by eye. */
export function joinCodeGroups(joinCode: string): string[] {
  return joinCode.length === 6 ? [joinCode.slice(0, 3), joinCode.slice(3)] : [joinCode];
}
