import { toString as qrToSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn as SVG from a payload (a URL, a VietQR string). */
export function QrCode({ value, size = 200, testId }: { value: string; size?: number; testId?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    qrToSvg(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((text) => {
      if (isCurrent) setSvg(text);
    });
    return () => {
      isCurrent = false;
    };
  }, [value]);
  return (
    <div
      style={{ width: size, height: size }}
      data-testid={testId}
      data-payload={value}
      // The SVG comes from the qrcode library, not from user input.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: generated SVG markup
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
