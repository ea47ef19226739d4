import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { useMe } from '../account/use-me.ts';

/**
 * Someone signed in joins under their account's name unless they type another: the name field
 * starts with it once the account is known, and is never overwritten after they typed.
 */
export function useAccountName(setName: Dispatch<SetStateAction<string>>, enabled = true): void {
  const me = useMe();
  const accountName = me?.displayName;
  useEffect(() => {
    if (!enabled || accountName === undefined) return;
    setName((typed) => (typed === '' ? accountName : typed));
  }, [enabled, accountName, setName]);
}
