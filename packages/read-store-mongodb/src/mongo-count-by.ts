// countBy in two statements FerretDB 1.24 can run: it refuses $unwind's
// preserveNullAndEmptyArrays, so documents without a value are counted separately.
import type { Scalar } from '@crm/read-store';
import type { Collection, Filter, Document as MongoDocument } from 'mongodb';
import { and } from './mongo-filter.ts';

export async function countByField<S extends MongoDocument>(
  documents: Collection<S>,
  field: string,
  match: MongoDocument,
): Promise<{ value: Scalar; count: number }[]> {
  const path = `$${field}`;
  // $unwind yields one row per array element, one for a scalar, none for missing/null/[].
  const grouped = documents
    .aggregate<{ _id: Scalar; count: number }>([
      { $match: match },
      { $unwind: path },
      { $group: { _id: path, count: { $sum: 1 } } },
    ])
    .toArray();
  // The documents $unwind dropped; an array that holds a null was counted above.
  const missing = documents.countDocuments(
    and([
      match,
      { $or: [{ [field]: { $size: 0 } }, { [field]: { $eq: null, $not: { $type: 'array' } } }] },
    ]) as Filter<S>,
  );
  const [values, nulls] = await Promise.all([grouped, missing]);
  const counts = new Map<Scalar, number>();
  for (const { _id, count } of values) counts.set(_id ?? null, Number(count));
  if (nulls > 0) counts.set(null, (counts.get(null) ?? 0) + nulls);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}
