// Every registered customer needs phones no other customer has (409 otherwise), so load
// generators draw them from a counter: 11-digit mainland mobiles, distinct until the range ends.

const MOBILE = /^1[3-9]\d{9}$/;
const SUFFIX_DIGITS = 8;
const RANGE = 10 ** SUFFIX_DIGITS;

export type PhoneSequence = () => string;

/** `prefix` is a 3-digit mobile prefix such as '139'; yields prefix + an 8-digit counter. */
export function phoneSequence(prefix = '139', start = 0): PhoneSequence {
  if (!/^1[3-9]\d$/.test(prefix)) throw new RangeError(`not a mainland mobile prefix: ${prefix}`);
  if (!(Number.isInteger(start) && start >= 0 && start < RANGE)) {
    throw new RangeError(`start must be an integer in [0, ${RANGE}), got ${start}`);
  }
  let next = start;
  return () => {
    if (next >= RANGE) throw new RangeError(`phone sequence ${prefix} is exhausted`);
    const phone = `${prefix}${String(next++).padStart(SUFFIX_DIGITS, '0')}`;
    if (!MOBILE.test(phone)) throw new Error(`generated an invalid mobile: ${phone}`);
    return phone;
  };
}
