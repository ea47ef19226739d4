import type { Browser, Page } from 'playwright-core';
import type { Person } from './browser-session.ts';

/** The size a finger needs: WCAG 2.5.5 (AAA) asks 44 × 44 CSS px, and so do we on touch screens. */
export const touchTargetPx = 44;

export interface ControlSize {
  name: string;
  width: number;
  height: number;
}

/**
 * Every control on the page that a finger may aim at, with its rendered size in CSS px: buttons,
 * links that stand alone, form fields and disclosure summaries.
 */
export function controlSizes(page: Page): Promise<ControlSize[]> {
  return page.evaluate(() => {
    const selector =
      'button, [role="button"], a, select, textarea, summary, input:not([type="hidden"])';
    /** The text a person reads on it, without decorations hidden from assistive technology. */
    const nameOf = (control: HTMLElement): string => {
      const label = control.getAttribute('aria-label');
      if (label) return label;
      const labelled =
        control instanceof HTMLInputElement ||
        control instanceof HTMLSelectElement ||
        control instanceof HTMLTextAreaElement;
      const source = labelled ? control.labels?.[0] : control;
      const copy = source?.cloneNode(true);
      if (!(copy instanceof HTMLElement)) return '';
      for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"]'))) {
        hidden.remove();
      }
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    /** A box around the control and, for a checkbox or radio button, its labels: both take the tap. */
    const tapArea = (control: HTMLElement): DOMRect => {
      const boxes = [control.getBoundingClientRect()];
      if (control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type)) {
        for (const label of Array.from(control.labels ?? [])) {
          boxes.push(label.getBoundingClientRect());
        }
      }
      const left = Math.min(...boxes.map((box) => box.left));
      const top = Math.min(...boxes.map((box) => box.top));
      const right = Math.max(...boxes.map((box) => box.right));
      const bottom = Math.max(...boxes.map((box) => box.bottom));
      return new DOMRect(left, top, right - left, bottom - top);
    };
    /** A link inside a sentence, which WCAG 2.5.5 exempts: its line sets its size. */
    const inRunningText = (control: HTMLElement): boolean => {
      if (!(control instanceof HTMLAnchorElement) || control.classList.contains('button')) {
        return false;
      }
      const block = control.closest('p, li, dd, td, th');
      return block !== null && block.textContent?.trim() !== control.textContent?.trim();
    };
    const sizes: ControlSize[] = [];
    for (const control of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (!control.checkVisibility() || inRunningText(control)) continue;
      const box = tapArea(control);
      // Kept off-screen until focused (the skip link): no finger reaches it there.
      if (box.right <= 0 || box.bottom <= 0) continue;
      sizes.push({ name: nameOf(control), width: box.width, height: box.height });
    }
    return sizes;
  });
}

/** The controls smaller than a finger in either direction. */
export async function smallTouchTargets(page: Page): Promise<ControlSize[]> {
  return (await controlSizes(page)).filter(
    (control) => control.width < touchTargetPx || control.height < touchTargetPx,
  );
}

/**
 * The same person on a phone as well: a touch screen of 390 × 844 CSS px with their cookies, on the
 * page they have open (a facilitator's or an owner's controls show under their own cookies only).
 */
export async function openOnPhone(browser: Browser, person: Pick<Person, 'page'>): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addCookies(await person.page.context().cookies());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(person.page.url());
  return page;
}
