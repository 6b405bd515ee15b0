// A page served from another origin calls the gateway with fetch, as a front end does: once from an origin the
// gateway allows, once from one it does not. Prints, as JSON, what each page could read of the answer.
import { createServer } from 'node:http';
import { withBrowser } from './browser.mjs';

const gateway = process.env.GATEWAY_URL;
const token = process.env.ACCESS_TOKEN;

const page = `<!doctype html><title>front end</title><script>
async function call(gateway, token) {
  try {
    const response = await fetch(gateway + '/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token,
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    return { status: response.status, requestId: response.headers.get('X-Request-Id'), body: await response.json() };
  } catch (error) {
    return { blocked: String(error) };
  }
}
</script>`;

const server = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(page);
});
await new Promise((resolve) => server.listen(0, '0.0.0.0', resolve));
const { port } = server.address();

try {
  await withBrowser(async (browser) => {
    const callFrom = async (origin) => {
      const tab = await browser.newPage();
      await tab.goto(`${origin}/`);
      return tab.evaluate(([url, bearer]) => call(url, bearer), [gateway, token]);
    };
    // 127.0.0.2 is this machine too, but not an origin the gateway allows.
    return { allowed: await callFrom(`http://127.0.0.1:${port}`), refused: await callFrom(`http://127.0.0.2:${port}`) };
  });
} finally {
  server.close();
}
