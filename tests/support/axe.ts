import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * The rules a page is held to: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's experimental
 * rules, which axe leaves out unless asked by tag (p-as-heading, td-has-header,
 * table-fake-caption, css-orientation-lock, focus-order-semantics).
 */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'];

/** One element a rule may not judge, with the reason: only for a proven false positive. */
export interface AxeExclusion {
  rule: string;
  /** A CSS selector for the element axe reports (its last target). */
  selector: string;
  why: string;
}

let axeSource: string | undefined;

function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Loads axe into the page. Our CSP (script-src 'self') refuses an inline script, so
 * `page.addScriptTag({ content })` fails and leaves a CSP error in the console; the source is
 * evaluated through the DevTools protocol instead, which CSP does not govern. The page keeps its
 * real CSP, so the check runs against the page as people get it.
 */
async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(readAxeSource());
}

interface Finding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  elements: Array<{ target: string; summary: string }>;
}

/** The violations, one block per rule, each element with axe's own summary of what is wrong. */
function describeFindings(state: string, findings: Finding[]): string {
  const blocks = findings.map((finding) =>
    [
      `- ${finding.rule} (${finding.impact}): ${finding.help}`,
      `    ${finding.helpUrl}`,
      ...finding.elements.map(
        (element) => `    at ${element.target}: ${element.summary.replace(/\n\s*/g, ' ')}`,
      ),
    ].join('\n'),
  );
  return `axe found ${findings.length} accessibility violation(s) in "${state}":\n${blocks.join('\n')}`;
}

/**
 * Runs axe on the page as it is now and throws if any rule of `wcagTags` is violated, naming the
 * state, each rule with its impact and help, and the selectors of the elements that break it.
 */
export async function expectAccessible(
  page: Page,
  state: string,
  exclusions: AxeExclusion[] = [],
): Promise<void> {
  await injectAxe(page);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: wcagTags },
    resultTypes: ['violations'],
  };
  const findings = await page.evaluate(
    async ({ options, exclusions }) => {
      const axe = (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }
      ).axe;
      const results = await axe.run(document, options);
      const excluded = (rule: string, target: unknown): boolean => {
        const selector = Array.isArray(target) ? target.at(-1) : target;
        if (typeof selector !== 'string') return false;
        const element = document.querySelector(selector);
        return exclusions.some(
          (exclusion) => exclusion.rule === rule && element?.matches(exclusion.selector) === true,
        );
      };
      return results.violations
        .map((violation) => {
          const nodes = violation.nodes.filter((node) => !excluded(violation.id, node.target));
          return {
            rule: violation.id,
            impact: violation.impact ?? 'unknown',
            help: violation.help,
            helpUrl: violation.helpUrl,
            elements: nodes.map((node) => ({
              target: node.target.join(' >>> '),
              summary: node.failureSummary ?? '',
            })),
          };
        })
        .filter((finding) => finding.elements.length > 0);
    },
    { options, exclusions },
  );
  if (findings.length > 0) throw new Error(describeFindings(state, findings));
}
