// 统一社会信用代码 (GB 32100-2015): 18 characters whose last one is a check character, so a
// mistyped code is caught here instead of failing an ERP match later.
import { creditCodeSchema } from '@crm/contracts';
import { invalidField } from '../errors.ts';

const characters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function normaliseCreditCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!creditCodeSchema.safeParse(code).success) {
    throw invalidField('creditCode', 'malformed', { value });
  }
  if (code.at(-1) !== checkCharacter(code)) throw invalidField('creditCode', 'checksum', { value });
  return code;
}

// The weighted sum of the first 17 characters, modulo 31, says what the 18th must be.
function checkCharacter(code: string): string {
  let sum = 0;
  for (const [index, weight] of weights.entries()) {
    sum += characters.indexOf(code.charAt(index)) * weight;
  }
  return characters.charAt((31 - (sum % 31)) % 31);
}
