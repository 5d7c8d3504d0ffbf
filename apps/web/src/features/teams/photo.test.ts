import { describe, expect, it } from 'vitest';
import { dataUrlBytes, fitWithin } from './photo';

describe('photo downscaling', () => {
  it('fits the longer side within 1600 px and keeps the ratio', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4000, 1)).toEqual({ width: 1600, height: 1 });
  });

  it('leaves images already small enough as they are', () => {
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 });
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
  });

  it('counts the bytes a base64 data URL carries', () => {
    const encode = (bytes: number) => `data:image/jpeg;base64,${Buffer.alloc(bytes, 7).toString('base64')}`;
    expect(dataUrlBytes(encode(0))).toBe(0);
    expect(dataUrlBytes(encode(1))).toBe(1);
    expect(dataUrlBytes(encode(2))).toBe(2);
    expect(dataUrlBytes(encode(3))).toBe(3);
    expect(dataUrlBytes(encode(1000))).toBe(1000);
  });
});
