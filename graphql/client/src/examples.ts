import { readdirSync, readFileSync } from 'node:fs';

const OPERATIONS = new URL('../../operations/', import.meta.url);

/** The example operations of graphql/operations, by name. */
export function exampleNames(): string[] {
  return readdirSync(OPERATIONS).filter((file) => file.endsWith('.graphql')).map((file) => file.slice(0, -8)).sort();
}

/**
 * What the placeholders of the example variables stand for: `<username>`, the user an admin example reads or
 * changes; `<code>`, the verification code the user was sent.
 */
export interface Placeholders {
  username?: string;
  code?: string;
}

/** The example variables of graphql/operations/<name>.variables.json with the placeholders filled in. */
export function exampleVariables<V>(name: string, placeholders: Placeholders = {}): V {
  const text = readFileSync(new URL(`${name}.variables.json`, OPERATIONS), 'utf8');
  return JSON.parse(text, (_key, value: unknown) => {
    const placeholder = typeof value === 'string' ? /^<(\w+)>$/.exec(value)?.[1] : undefined;
    if (placeholder === undefined) {
      return value;
    }
    const filled = placeholders[placeholder as keyof Placeholders];
    if (filled === undefined) {
      throw new Error(`${name}.variables.json: nothing fills <${placeholder}>`);
    }
    return filled;
  }) as V;
}
