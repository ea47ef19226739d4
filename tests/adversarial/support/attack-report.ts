export interface AttackRecord {
  attacker: string;
  attempt: string;
  outcome: string;
  /** False when the attack got through: the defence did not hold. */
  held: boolean;
}

const widths = { attacker: 26, attempt: 64 } as const;

function cell(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

/**
 * What each scripted attacker tried and what came of it. A run prints it as a table at the end of
 * each file, so the attack surface that was exercised is visible, not only a count of passes.
 * Record before asserting, so a breach shows in the table even when its test fails.
 */
export class AttackReport {
  readonly records: AttackRecord[] = [];

  constructor(readonly title: string) {}

  record(attacker: string, attempt: string, outcome: string, held: boolean): boolean {
    this.records.push({ attacker, attempt, outcome, held });
    return held;
  }

  held(attacker: string, attempt: string, outcome: string): void {
    this.record(attacker, attempt, outcome, true);
  }

  get breaches(): AttackRecord[] {
    return this.records.filter((record) => !record.held);
  }

  table(): string {
    const lines = [
      `── ${this.title}: ${this.records.length} attempts, ${this.breaches.length} got through ──`,
      `   ${cell('attacker', widths.attacker)} │ ${cell('attempt', widths.attempt)} │ outcome`,
    ];
    for (const record of this.records) {
      const mark = record.held ? 'ok' : '!!';
      lines.push(
        `${mark} ${cell(record.attacker, widths.attacker)} │ ${cell(record.attempt, widths.attempt)} │ ${record.outcome}`,
      );
    }
    return lines.join('\n');
  }

  print(): void {
    // eslint-disable-next-line no-console -- the attack table is the suite's report, meant for people reading the run
    console.log(this.table());
  }
}
