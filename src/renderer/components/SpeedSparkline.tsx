import { useTranslation } from 'react-i18next';
import { type SpeedSample, sparklinePoints } from '../../shared/drives/driveTempo';
import { formatBytes } from '../../shared/format/formatBytes';

const WIDTH = 160;
const HEIGHT = 28;

/**
 * A drive's speed over its job as a small line (MB/s while writing, then verifying). The picture is
 * decoration for sighted people; its label says the same in words (the fastest speed seen).
 */
export function SpeedSparkline({ samples, id }: { samples: SpeedSample[]; id: string }) {
  const { t, i18n } = useTranslation();
  const points = sparklinePoints(samples, WIDTH, HEIGHT);
  if (points === '') return null;
  const peak = Math.max(...samples.map((sample) => sample.speed ?? 0));
  return (
    <svg
      id={id}
      className="bootstick-sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('flash.speedGraph', { speed: formatBytes(peak, i18n.language) })}
      data-testid="speed-sparkline"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
