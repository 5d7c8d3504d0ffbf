import { MAX_PHOTO_BYTES } from '@doanket/domain';

/** Photos leave the phone at most this many pixels on their longer side. */
export const maxPhotoSide = 1600;

/** The size that fits within `max` on both sides, keeping the ratio; smaller images stay as they are. */
export function fitWithin(
  width: number,
  height: number,
  max = maxPhotoSide,
): { width: number; height: number } {
  const longer = Math.max(width, height);
  if (longer <= max) return { width, height };
  const scale = max / longer;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Bytes of the data a base64 data URL carries. */
export function dataUrlBytes(dataUrl: string): number {
  const comma = dataUrl.indexOf(',');
  const body = comma < 0 ? dataUrl : dataUrl.slice(comma + 1);
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - padding;
}

async function loadImage(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    // Browsers apply the camera's EXIF orientation here, so portrait photos stay upright.
    return createImageBitmap(file, { imageOrientation: 'from-image' });
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Redraws a camera photo at most `maxPhotoSide` pixels wide or high as a JPEG data URL, lowering
 * the quality until it fits the API's limit: phones take 12-megapixel photos, the log needs far less.
 */
export async function downscalePhoto(file: Blob): Promise<string> {
  const image = await loadImage(file);
  const size = fitWithin(image.width, image.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d context unavailable');
  // JPEG has no transparency: a white background instead of black for PNG screenshots.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(image, 0, 0, size.width, size.height);
  if ('close' in image && typeof image.close === 'function') image.close();
  let dataUrl = '';
  for (const quality of [0.85, 0.75, 0.6, 0.45]) {
    dataUrl = canvas.toDataURL('image/jpeg', quality);
    if (dataUrlBytes(dataUrl) <= MAX_PHOTO_BYTES) return dataUrl;
  }
  return dataUrl;
}
