// docs/api.md is generated from the contract; this keeps it from drifting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../scripts/api-docs';
import { contract, METHOD_NAMES } from '../../shared/api/contract';

describe('the API documentation', () => {
  it('gives every method a summary', () => {
    expect(METHOD_NAMES.filter((name) => !contract[name].summary)).toEqual([]);
  });

  it('is up to date with the contract (run `npm run docs:api`)', () => {
    const committed = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderApiDocs());
  });
});
