/** The group's agreement, one rule a line, as the server holds it. */
export function AgreementText({ text }: { text: string }) {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <ol className="agreement-rules">
      {rules.map((rule) => (
        <li key={rule}>{rule}</li>
      ))}
    </ol>
  );
}
