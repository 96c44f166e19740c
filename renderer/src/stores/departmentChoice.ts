// "Hele afdelingen" or one team, as a view's "Vis" chooser offers it: the choice is remembered per
// view, and choosing a team makes it the session's team. Whether the person may see the department
// at all is the view's question (and the host's); this only keeps the choice.
import { useState } from 'react';
import { useSession } from './session';

const keyOf = (view: string) => `flowtavle.${view}.department`;

function remembered(view: string): boolean {
  try {
    return localStorage.getItem(keyOf(view)) === '1';
  } catch {
    return false;
  }
}

/** `pick` takes the chooser's value: 'department' or a team id. */
export function useDepartmentChoice(view: string): { wholeDepartment: boolean; pick: (value: string) => void } {
  const chooseTeam = useSession((s) => s.chooseTeam);
  const [wholeDepartment, setWholeDepartment] = useState(() => remembered(view));
  function pick(value: string) {
    const all = value === 'department';
    setWholeDepartment(all);
    try {
      localStorage.setItem(keyOf(view), all ? '1' : '0');
    } catch {
      // Storage unavailable: the choice lasts while the view is open.
    }
    if (!all) chooseTeam(Number(value));
  }
  return { wholeDepartment, pick };
}
