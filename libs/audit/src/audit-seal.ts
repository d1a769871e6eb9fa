import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { parseEd25519PrivateKey } from '@app/core/config/seal-key';

/** What a seal attests: at `sealedAt`, the chain ended with event `lastEventId` whose hash was `lastHash`. */
export interface SealedHead {
  sealId: string;
  sealedAt: Date;
  lastEventId: string;
  lastHash: string;
}

export interface SealKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key a seal was made with. */
  keyId: string;
}

export function loadSealKeys(material: string): SealKeys {
  const privateKey = parseEd25519PrivateKey(material);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
  };
}

/**
 * The exact text signed, one line, versioned: published with each seal so anyone can check it with
 * the public key alone (e.g. `openssl pkeyutl -verify -rawin`) without re-implementing a format.
 */
export function sealPayload(head: SealedHead): string {
  return `iss-audit-seal/v1 seal=${head.sealId} at=${head.sealedAt.toISOString()} event=${head.lastEventId} hash=${head.lastHash}`;
}

/** Ed25519 signature of the payload, base64. */
export function signSeal(keys: SealKeys, head: SealedHead): string {
  return sign(null, Buffer.from(sealPayload(head)), keys.privateKey).toString('base64');
}

export function isSealSignatureValid(publicKeyPem: string, head: SealedHead, signature: string): boolean {
  return verify(null, Buffer.from(sealPayload(head)), publicKeyPem, Buffer.from(signature, 'base64'));
}
