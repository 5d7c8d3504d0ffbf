import path from 'node:path';
import { type BrowserContextOptions, expect, type Locator, type Page } from '@playwright/test';

/** Today in Việt Nam as YYYY-MM-DD: the date the pages and the server default to. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** YYYY-MM-DD → dd/mm/yyyy, as the pages and messages write dates. */
export function displayDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

export function fixture(name: string): string {
  return path.resolve(import.meta.dirname, '../fixtures', name);
}

/** The number shown by an antd Statistic (or inside a figure tag): "82.337" → 82337. */
export async function readNumber(locator: Locator): Promise<number> {
  const value = locator.locator('.ant-statistic-content-value, strong').first();
  await expect(value).toHaveText(/\d/);
  const text = ((await value.textContent()) ?? '').replace(/\D/g, '');
  return Number(text);
}

/** Waits for a figure to show exactly `expected` (the number is re-read until it does). */
export async function expectNumber(locator: Locator, expected: number): Promise<void> {
  await expect.poll(() => readNumber(locator)).toBe(expected);
}

/** Picks a unit in the header's unit picker by typing part of its name without diacritics. */
export async function pickHeaderUnit(page: Page, search: string, code: string): Promise<void> {
  await page.getByTestId('context-bar').getByTestId('unit-picker').click();
  await page.keyboard.type(search);
  await page.getByTestId('unit-picker-popup').getByTestId(`unit-picker-option-${code}`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]unit=${code.replace('.', '\\.')}(&|$)`));
}

/** A phone in portrait, held by a team leader: small screen, touch, Vietnamese. */
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  screen: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
};
