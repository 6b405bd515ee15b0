// GraphiQL as a user explores with it: the bearer token typed into the Headers tab, `{ me { username } }` run. Prints,
// as JSON, what came back and where the token could have been left: the address, the history, the storage.
import { withBrowser } from './browser.mjs';

const gateway = process.env.GATEWAY_URL;
const token = process.env.ACCESS_TOKEN;

await withBrowser(async (browser) => {
  const page = await browser.newPage();
  const origins = new Set();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  const response = await page.goto(`${gateway}/q/graphql-ui/`);
  await page.waitForSelector('.graphiql-query-editor .CodeMirror');

  await page.locator('.graphiql-query-editor .CodeMirror').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('{ me { username } }');
  await page.getByRole('button', { name: 'Headers' }).click();
  await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror').click();
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(() => document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue().includes('"data"'));
  // GraphiQL writes its history and tab state a moment after the run.
  await page.waitForTimeout(500);

  return {
    headers: response.headers(),
    answer: JSON.parse(await page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue())),
    address: page.url(),
    historyLength: await page.evaluate(() => history.length),
    storage: await page.evaluate(() => JSON.stringify(Object.entries(localStorage))),
    origins: [...origins],
  };
});
