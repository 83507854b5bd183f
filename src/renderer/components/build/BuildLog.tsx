import { Title } from '@patternfly/react-core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** bib's output as it streams, in a terminal-like view that follows the end. */
export function BuildLog({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the end whenever lines arrive
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [lines.length]);
  return (
    <section aria-labelledby="build-log-title">
      <Title headingLevel="h3" id="build-log-title">
        {t('build.log')}
      </Title>
      {/* role=log: screen readers know it grows, without reading every line aloud. It scrolls, so
          keyboard users must be able to focus it to scroll (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard focus */}
      <div role="log" aria-labelledby="build-log-title" className="bootstick-build-log" tabIndex={0}>
        <pre>{lines.join('\n')}</pre>
        <div ref={end} />
      </div>
    </section>
  );
}
