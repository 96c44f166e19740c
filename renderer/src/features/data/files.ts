// Reading a chosen file for the host: the imports send its bytes as base64 (the contract's limit is about 15 MB).
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
/** The contract's limit on the base64 sent (base64File in shared/api/methods/data.ts). */
export const MAX_BASE64_CHARS = 20_000_000;

/** Base64 in chunks: String.fromCharCode(...bytes) overflows the stack on large files. */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The extract's text as the host will read it (db/import.ts decodeExtract): UTF-16 or UTF-8 by their marks, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Base64 of text as UTF-8: how a workbook's cells travel to the host, as CSV. */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return toBase64(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Gives the event loop a turn, so that the progress bar paints and a click on Annullér is heard. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
