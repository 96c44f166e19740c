// Reading a chosen file for the host: the imports send its bytes as base64 (the contract's limit is about 15 MB).
export const MAX_FILE_BYTES = 15 * 1024 * 1024;

/** Base64 in chunks: String.fromCharCode(...bytes) overflows the stack on large files. */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
