/** The message of the first problem zod found, for showing beside the field. */
export function firstIssue(
  result: { success: true } | { success: false; error: { issues: readonly { message: string }[] } },
): string | undefined {
  if (result.success) return undefined;
  return result.error.issues[0]?.message ?? 'Please check this field.';
}
