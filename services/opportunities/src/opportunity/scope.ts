// Read-side role scoping: the filter that limits a list to the owners the viewer may see, and the
// windows of "closing this month / quarter" (days in Asia/Shanghai, from the injected clock).
import type { Filter } from '@crm/read-store';
import type { Visibility } from '../sales-teams.ts';
import { shanghaiDate } from './rules/dates.ts';

/** The owners' condition of a list, or null when the viewer may see none of those asked for. */
export function ownerScope(visibility: Visibility, ownerId: string | undefined): Filter | null {
  if (visibility.all) return ownerId === undefined ? {} : { ownerId };
  if (ownerId !== undefined) return visibility.ownerIds.includes(ownerId) ? { ownerId } : null;
  return { ownerId: { $in: [...visibility.ownerIds] } };
}

export interface Window {
  from: string;
  to: string;
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar month or quarter `now` falls in, in Asia/Shanghai, as YYYY-MM-DD bounds. */
export function closingWindow(period: 'month' | 'quarter', now: Date): Window {
  const today = shanghaiDate(now.toISOString());
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const first = period === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const last = period === 'month' ? month : first + 2;
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
  };
}
