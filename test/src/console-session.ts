import type { Page } from 'playwright-core';
import { admin } from './sikap-server';

/** Signs in through the console's sign-in page, as an administrator would. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('[data-testid="login-email"] input', admin.email);
  await page.fill('[data-testid="login-password"] input', admin.password);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="viewer-label"]');
}
