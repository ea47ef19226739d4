/** Joining as someone new leaves the old identity behind for good on this browser; say so first. */
export function ReplacingHint({ name }: { name: string }) {
  return (
    <p className="notice">
      You will join as a new person. This browser will no longer be {name} in this session, and
      cannot edit {name}’s notes afterwards.
    </p>
  );
}
