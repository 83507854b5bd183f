import { useEffect, useMemo, useRef } from 'react';
import { base64Bytes, readPpm } from './ppmImage';

/** The VM's screen at the end (a PPM from QEMU's screendump), drawn into a canvas with its words. */
export function ScreenshotCanvas({ ppmBase64, label }: { ppmBase64: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pixels = useMemo(() => readPpm(base64Bytes(ppmBase64)), [ppmBase64]);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !pixels) return;
    context.putImageData(new ImageData(pixels.rgba, pixels.width, pixels.height), 0, 0);
  }, [pixels]);
  if (!pixels) return null;
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={label}
      width={pixels.width}
      height={pixels.height}
      className="bootstick-boot-screenshot"
      data-testid="boot-screenshot"
    />
  );
}
