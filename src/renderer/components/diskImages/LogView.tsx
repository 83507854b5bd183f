import { Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { LogViewer, LogViewerSearch } from '@patternfly/react-log-viewer';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchLog } from '../../../shared/diskImages/logSearch';

/**
 * A build log, live or recorded. A real osbuild log is tens of thousands of lines, so this is
 * PatternFly's LogViewer, which draws only the rows in sight (react-window) instead of one <pre>
 * re-rendered per line. It shows the end, and follows it as lines arrive, unless the person
 * scrolled up to read; the search marks and steps through every occurrence and says how many.
 */
/** Keys that move a scrolled view up, away from the newest lines. */
const READING_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

export function LogView({
  lines,
  labelledBy,
  testId,
}: {
  lines: string[];
  labelledBy: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [following, setFollowing] = useState(true);
  const found = searchLog(lines, query);
  return (
    // role=log: screen readers know it grows, without reading every line aloud.
    <div
      role="log"
      aria-labelledby={labelledBy}
      className="bootstick-build-log"
      data-testid={testId}
      // Only the person's own moves stop the following (the list also scrolls itself as it grows).
      onWheel={(event) => event.deltaY < 0 && setFollowing(false)}
      onKeyDown={(event) => READING_KEYS.has(event.key) && setFollowing(false)}
      onPointerDown={() => setFollowing(false)}
    >
      <LogViewer
        data={lines}
        height="24rem"
        theme="dark"
        // Colours as classes: the CSP refuses style attributes in the rows' HTML.
        useAnsiClasses
        {...(following && query === '' ? { scrollToRow: lines.length } : {})}
        onScroll={({ scrollOffsetToBottom }) => {
          // Back at the end, however it got there, the view follows again.
          if (scrollOffsetToBottom <= 1) setFollowing(true);
        }}
        toolbar={
          <Toolbar>
            <ToolbarContent>
              <ToolbarItem>
                <LogViewerSearch
                  aria-label={t('build.logSearch')}
                  placeholder={t('build.logSearch')}
                  minSearchChars={1}
                  onChange={(_, value) => setQuery(value)}
                  onClear={() => setQuery('')}
                />
              </ToolbarItem>
              <ToolbarItem alignSelf="center">
                <output aria-live="polite" data-testid="log-search-count">
                  {query === ''
                    ? ''
                    : found.count === 0
                      ? t('build.logNoMatch')
                      : t('build.logMatches', { count: found.count, lines: found.lines.length })}
                </output>
              </ToolbarItem>
            </ToolbarContent>
          </Toolbar>
        }
      />
    </div>
  );
}
