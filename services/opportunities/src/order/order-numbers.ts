// Human-readable order numbers (订单编号) SO-YYYYMMDD-NNNN, counted per day in Asia/Shanghai. The
// counter is a stream per day: the append with the expected revision makes each number unique.
// A number taken by an order that then fails is skipped: gaps are allowed, duplicates never.
import { randomUUID } from 'node:crypto';
import { isWrongExpectedRevision, type EventMetadata, type EventStore } from '@crm/event-store';
import { shanghaiDate } from '../opportunity/rules/dates.ts';

/** Not one of the published categories: the relay never puts these on the topic. */
export const ORDER_NUMBER_CATEGORY = 'ordernumbers';

export async function reserveOrderNumber(
  store: EventStore,
  orderId: string,
  at: string,
  metadata: EventMetadata,
): Promise<string> {
  const day = shanghaiDate(at).replaceAll('-', '');
  const streamId = `${ORDER_NUMBER_CATEGORY}-${day}`;
  for (let attempt = 0; ; attempt++) {
    const taken = (await store.readStream(streamId)).length;
    const orderNumber = `SO-${day}-${String(taken + 1).padStart(4, '0')}`;
    try {
      await store.append(
        streamId,
        [
          {
            id: randomUUID(),
            type: 'OrderNumberReserved',
            data: { orderId, orderNumber },
            metadata,
          },
        ],
        { expectedRevision: taken === 0 ? 'no_stream' : taken - 1 },
      );
      return orderNumber;
    } catch (error) {
      if (!isWrongExpectedRevision(error) || attempt >= 10) throw error;
    }
  }
}
