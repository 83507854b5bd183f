import { useMemo } from 'react';
import { ACCOUNT_NAME } from '../../../shared/blueprint/rules/accountName';
import { useBlueprintStore } from '../../stores/blueprintStore';

/** The blueprint form's user names that could log in (valid account names, each once). */
export function useBlueprintUserNames(): string[] {
  const drafts = useBlueprintStore((state) => state.users);
  return useMemo(
    () => [...new Set(drafts.map((user) => user.name.trim()).filter((name) => ACCOUNT_NAME.test(name)))],
    [drafts],
  );
}
