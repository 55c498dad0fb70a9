import { AggregateAuthenticationError, CredentialUnavailableError } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { explainCredentialFailure, NO_ENTRA_CREDENTIAL } from './lazy-default-azure-credential.js';

describe('explainCredentialFailure', () => {
  it("turns the credential chain's failure into one short message saying what to set", () => {
    const chain = new AggregateAuthenticationError(
      [
        new CredentialUnavailableError('EnvironmentCredential is unavailable. ...'),
        new CredentialUnavailableError('Azure CLI could not be found. ...'),
      ],
      'ChainedTokenCredential authentication failed.',
    );
    const short = explainCredentialFailure(chain) as Error;
    expect(short.message).toBe(NO_ENTRA_CREDENTIAL);
    expect(short.message).toContain('AZURE_OPENAI_API_KEY');
    expect(short.message).toContain('az login');
    expect(short.cause).toBe(chain);
    expect(explainCredentialFailure(new CredentialUnavailableError('x'))).toMatchObject({
      message: NO_ENTRA_CREDENTIAL,
    });
  });

  it('leaves other errors alone', () => {
    const other = new TypeError('fetch failed');
    expect(explainCredentialFailure(other)).toBe(other);
  });
});
