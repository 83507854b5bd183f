/** A binary PPM (P6, 8 bits a channel, as QEMU's screendump writes it), read into RGBA pixels. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The picture in `bytes`, or null when they are no P6 PPM of 8-bit channels. */
export function readPpm(bytes: Uint8Array): Pixels | null {
  let at = 0;
  const token = (): string => {
    while (at < bytes.length) {
      if (bytes[at] === 0x23) while (at < bytes.length && bytes[at] !== 0x0a) at += 1;
      else if (isSpace(bytes[at])) at += 1;
      else break;
    }
    let text = '';
    while (at < bytes.length && !isSpace(bytes[at])) text += String.fromCharCode(bytes[at++] ?? 0);
    return text;
  };
  if (token() !== 'P6') return null;
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  at += 1; // the one whitespace byte before the pixels
  if (!(width > 0 && height > 0 && max === 255) || bytes.length - at < width * height * 3) return null;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    rgba[pixel * 4] = bytes[at + pixel * 3] ?? 0;
    rgba[pixel * 4 + 1] = bytes[at + pixel * 3 + 1] ?? 0;
    rgba[pixel * 4 + 2] = bytes[at + pixel * 3 + 2] ?? 0;
    rgba[pixel * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

export function base64Bytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes;
}
