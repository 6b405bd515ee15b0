import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The verification codes the emulator (cognito-local) "sends": it prints each in a box on its output, the user's
 * name on one line and the code on a later one.
 */
export class VerificationCodes {
  constructor(private readonly logFile: string) {}

  /** Every code sent to the user so far, oldest first. */
  async sentTo(username: string): Promise<string[]> {
    const codes: string[] = [];
    let currentUser: string | undefined;
    for (const line of (await readFile(this.logFile, 'utf8')).split('\n')) {
      currentUser = /Username:\s+(\S+)/.exec(line)?.[1] ?? currentUser;
      const code = /Code:\s+(\d+)/.exec(line)?.[1];
      if (code && currentUser === username) {
        codes.push(code);
      }
    }
    return codes;
  }

  /** The newest code sent to the user after the first `previousCount`, waiting up to 30 s for it. */
  async nextFor(username: string, previousCount: number): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const codes = await this.sentTo(username);
      if (codes.length > previousCount) {
        return codes[codes.length - 1];
      }
      if (Date.now() > deadline) {
        throw new Error(`no new verification code for the user in ${this.logFile}`);
      }
      await sleep(100);
    }
  }
}
