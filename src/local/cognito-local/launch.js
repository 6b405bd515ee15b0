// Starts cognito-local as its own bin/start.js does, with two differences:
// - log lines go through process.stdout: the stock pretty-printer's stream miscounts the multi-byte
//   box around verification codes and then holds later lines back, so codes went missing;
// - it exits when the JVM that started it goes away: that JVM holds the other end of our stdin.
const pino = require('pino');
const pretty = require('pino-pretty');
const { createDefaultServer } = require('cognito-local/lib/server');

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' }, pretty({
  colorize: false,
  ignore: 'pid,name,hostname',
  singleLine: true,
  destination: process.stdout,
  messageFormat: (log, messageKey) => `${log.reqId ?? 'NONE'} ${log.target ?? 'NONE'} ${log[messageKey]}`,
}));

createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(`Cognito Local running on http://${address.address}:${address.port}`);
  })
  .catch((err) => {
    logger.error(err);
    process.exit(1);
  });
