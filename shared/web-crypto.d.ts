// The subset of Web Crypto that shared/ uses. Both runtimes (workerd and the browser) provide
// it as the global `crypto`; declaring only this much keeps every other platform API out of shared/.
declare global {
  interface CryptoKey {
    readonly type: string;
  }
  interface SubtleCrypto {
    importKey(
      format: 'raw',
      keyData: Uint8Array<ArrayBuffer>,
      algorithm: { name: 'HMAC'; hash: 'SHA-256' },
      extractable: boolean,
      keyUsages: Array<'sign' | 'verify'>,
    ): Promise<CryptoKey>;
    sign(algorithm: 'HMAC', key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
    digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  }
  interface Crypto {
    readonly subtle: SubtleCrypto;
    getRandomValues<T extends Uint8Array>(array: T): T;
    randomUUID(): string;
  }
  var crypto: Crypto;
  class TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>;
  }
}
export {};
