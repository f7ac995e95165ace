import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

// playwright-core has no web-first assertions (they ship with @playwright/test): these wait for the page to
// reach the expected state, then assert it with vitest, so that a failure says what the page showed instead.

const TIMEOUT = 20_000;

async function settle<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + TIMEOUT;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: TIMEOUT });
}

export async function hidden(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

const text = (locator: Locator) =>
  locator
    .first()
    .textContent({ timeout: TIMEOUT })
    .then(
      (t) => (t ?? '').trim(),
      () => '',
    );

export async function hasText(locator: Locator, expected: string): Promise<void> {
  expect(
    await settle(
      () => text(locator),
      (t) => t === expected,
    ),
  ).toBe(expected);
}

export async function containsText(locator: Locator, expected: string): Promise<void> {
  expect(
    await settle(
      () => text(locator),
      (t) => t.includes(expected),
    ),
  ).toContain(expected);
}

export async function hasValue(locator: Locator, expected: string): Promise<void> {
  expect(
    await settle(
      () => locator.inputValue().catch(() => ''),
      (v) => v === expected,
    ),
  ).toBe(expected);
}

/** Confirms the open confirmation dialog (accepting terms, signing): the dialog shows the terms once more. */
export async function confirmIn(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  await dialog.getByRole('button', { name: '确认' }).click();
  await hidden(dialog);
}
