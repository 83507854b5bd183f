import { Flex, FlexItem, SearchInput, Title } from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchLog, segmentsOf } from '../../../shared/diskImages/logSearch';
import { LogActions } from './LogActions';

/**
 * bib's output as it streams, in a terminal-like view that follows the end; a search marks every
 * occurrence and says how many there are; the log can be copied or saved whole.
 */
export function BuildLog({ lines, buildId }: { lines: string[]; buildId: string | null }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const view = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const found = searchLog(lines, query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the end whenever lines arrive, unless searching
  useEffect(() => {
    if (query === '') end.current?.scrollIntoView({ block: 'nearest' });
  }, [lines.length]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: show the first match whenever the query changes
  useEffect(() => {
    view.current?.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
  }, [query]);
  return (
    <section aria-labelledby="build-log-title">
      <Flex
        alignItems={{ default: 'alignItemsCenter' }}
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
      >
        <FlexItem>
          <Title headingLevel="h3" id="build-log-title">
            {t('build.log')}
          </Title>
        </FlexItem>
        <FlexItem>
          <LogActions lines={lines} buildId={buildId} />
        </FlexItem>
      </Flex>
      <Flex alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <SearchInput
            aria-label={t('build.logSearch')}
            placeholder={t('build.logSearch')}
            value={query}
            onChange={(_, value) => setQuery(value)}
            onClear={() => setQuery('')}
          />
        </FlexItem>
        <FlexItem>
          <output aria-live="polite" data-testid="log-search-count">
            {query === ''
              ? ''
              : found.count === 0
                ? t('build.logNoMatch')
                : t('build.logMatches', { count: found.count, lines: found.lines.length })}
          </output>
        </FlexItem>
      </Flex>
      {/* role=log: screen readers know it grows, without reading every line aloud. It scrolls, so
          keyboard users must be able to focus it to scroll (axe: scrollable-region-focusable). */}
      <div
        role="log"
        aria-labelledby="build-log-title"
        className="bootstick-build-log"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard focus
        tabIndex={0}
        ref={view}
      >
        <pre>{query === '' ? lines.join('\n') : <MarkedLines lines={lines} query={query} />}</pre>
        <div ref={end} />
      </div>
    </section>
  );
}

/** The lines with every occurrence of the query in a <mark>. */
function MarkedLines({ lines, query }: { lines: string[]; query: string }) {
  return lines.map((line, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: log lines only ever grow at the end
    <span key={index}>
      {segmentsOf(line, query).map((segment, at) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments of one line are fixed by the query
        segment.match ? <mark key={at}>{segment.text}</mark> : <span key={at}>{segment.text}</span>,
      )}
      {index < lines.length - 1 ? '\n' : ''}
    </span>
  ));
}
