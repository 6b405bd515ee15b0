// The browser every check runs in: Debian's chromium (never one a tool downloads), headless, with no traffic of its own.
import { chromium } from 'playwright-core';

export async function withBrowser(check) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  try {
    const result = await check(browser);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
  }
}
