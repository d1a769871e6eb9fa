import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';

/**
 * The Ed25519 key that development and tests sign audit seals with when AUDIT_SEAL_PRIVATE_KEY is not
 * set. It is public (it is in this repository): a seal made with it proves nothing, so production
 * refuses it. The api and the worker must sign with the same key, hence a fixed one, not a random one.
 */
export const DEV_AUDIT_SEAL_PRIVATE_KEY = 'MC4CAQAwBQYDK2VwBCIEIFCkHb+CO6TEThhEOI9F64oN19sV2VYv1Hv6bBvfBjla';

/** An Ed25519 private key given as PEM (PKCS#8) or as base64 of its PKCS#8 DER; throws on anything else. */
export function parseEd25519PrivateKey(material: string): KeyObject {
  const text = material.trim();
  const key = text.startsWith('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

/** Whether the material is the published development key, whatever its encoding. */
export function isDevSealKey(material: string): boolean {
  const spki = (k: KeyObject) => createPublicKey(k).export({ type: 'spki', format: 'der' });
  return spki(parseEd25519PrivateKey(material)).equals(spki(parseEd25519PrivateKey(DEV_AUDIT_SEAL_PRIVATE_KEY)));
}
