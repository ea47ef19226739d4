import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

interface Props {
  value: string;
  alt: string;
  /** Width and height in CSS pixels. */
  size: number;
}

/** A QR code drawn in the browser as a data: image (our CSP allows those, and nothing leaves). */
export function QrCodeImage({ value, alt, size }: Props) {
  const [drawn, setDrawn] = useState<{ value: string; url: string }>();
  useEffect(() => {
    let current = true;
    toDataURL(value, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: size * 2,
      color: { dark: '#1d2a30', light: '#ffffff' },
    }).then(
      (url) => {
        if (current) setDrawn({ value, url });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [value, size]);

  if (drawn?.value !== value) {
    return <span className="qr-code qr-code-pending" aria-hidden="true" />;
  }
  return <img className="qr-code" src={drawn.url} alt={alt} width={size} height={size} />;
}
