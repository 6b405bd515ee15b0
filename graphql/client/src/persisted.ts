import { createHash } from 'node:crypto';

import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { type DocumentNode, parse } from 'graphql';

import manifest from './generated/persisted-documents.json';

/**
 * Persisted queries as both clients use them. A document goes out as codegen printed it into
 * persisted-documents.json (normalized), under the sha256 of that text: so the hash a client sends is the key of
 * the manifest that a gateway can load as its trusted documents, and the text sent on a miss hashes to it.
 */
export function persistedText(document: DocumentNode): string {
  return printExecutableGraphQLDocument(document);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The document parsed from its persisted text: urql sends a document's own source text as it is. */
export function withPersistedSource<T extends DocumentNode>(document: T): T {
  return parse(persistedText(document)) as unknown as T;
}

const manifestHashes = new Set(Object.keys(manifest).map((key) => key.replace(/^sha256:/, '')));

/**
 * A fetch that watches the persisted queries going to the gateway: a hash sent must be a key of the manifest (or
 * a document of the front end's own, {@link PersistedQueryTraffic.expectOwn}), and a document sent with it must hash
 * to it; a gateway without automatic persisted queries is named as such. It counts
 * the requests by hash, those the gateway did not know, and those without a hash.
 */
export class PersistedQueryTraffic {
  byHash = 0;
  misses = 0;
  withoutHash = 0;
  private readonly ownDocuments = new Set<string>();

  /** A document of the front end's own, outside the manifest: the gateway has not seen it, so the first use misses. */
  expectOwn(document: DocumentNode): void {
    this.ownDocuments.add(sha256Hex(persistedText(document)));
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as {
      query?: string;
      extensions?: { persistedQuery?: { sha256Hash?: string } };
    };
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (!hash) {
      this.withoutHash++;
      return fetch(input, init);
    }
    if (!manifestHashes.has(hash) && !this.ownDocuments.has(hash)) {
      throw new Error('a client sent a document that is not in persisted-documents.json: run `npm run codegen`');
    }
    if (body.query !== undefined) {
      if (sha256Hex(body.query) !== hash) {
        throw new Error('a client sent a document whose sha256 is not the hash it sent with it');
      }
      return fetch(input, init);
    }
    this.byHash++;
    const response = await fetch(input, init);
    const answer = await response.clone().text();
    if (answer.includes('PersistedQueryNotFound')) {
      this.misses++;
    } else if (/"code"\s*:\s*"BAD_REQUEST"/.test(answer)) {
      throw new Error('the gateway refused a request that carried only a hash: it does not support automatic '
          + `persisted queries (HTTP ${response.status})`);
    }
    return response;
  };

  summary(): string {
    return `persisted queries: ${this.byHash} sent by hash, ${this.byHash - this.misses} known to the gateway, `
        + `${this.misses} sent again with the document, ${this.withoutHash} without a hash`;
  }
}
