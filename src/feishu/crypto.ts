import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Feishu's event encryption: AES-256-CBC with key = SHA-256(encrypt key), a random 16-byte IV prepended,
 * base64 on the wire. https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
function aesKey(encryptKey: string): Buffer {
  return createHash('sha256').update(encryptKey, 'utf8').digest();
}

/** Decrypts an `encrypt` field; throws on bad base64, bad padding or a wrong key. */
export function decryptEvent(encrypted: string, encryptKey: string): string {
  const raw = Buffer.from(encrypted, 'base64');
  if (raw.length < 32 || raw.length % 16 !== 0) {
    throw new Error('ciphertext has an invalid length');
  }
  const decipher = createDecipheriv('aes-256-cbc', aesKey(encryptKey), raw.subarray(0, 16));
  return Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString('utf8');
}

/** Encrypts like the platform does (used by the simulator and tests; the SDK only decrypts). */
export function encryptEvent(
  plaintext: string,
  encryptKey: string,
  iv: Buffer = randomBytes(16),
): string {
  const cipher = createCipheriv('aes-256-cbc', aesKey(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** signature = hex(SHA-256(timestamp + nonce + encryptKey + rawBody)); plain SHA-256, not HMAC. */
export function signBody(
  timestamp: string,
  nonce: string,
  encryptKey: string,
  rawBody: Buffer | string,
): string {
  return createHash('sha256')
    .update(timestamp, 'utf8')
    .update(nonce, 'utf8')
    .update(encryptKey, 'utf8')
    .update(rawBody)
    .digest('hex');
}

/** Constant-time comparison of the expected signature with the header value. */
export function isSignatureValid(
  headers: { timestamp?: string; nonce?: string; signature?: string },
  encryptKey: string,
  rawBody: Buffer,
): boolean {
  const { timestamp, nonce, signature } = headers;
  if (!timestamp || !nonce || !signature) {
    return false;
  }
  const expected = Buffer.from(signBody(timestamp, nonce, encryptKey, rawBody), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
