import { expect, it } from 'vitest';
import { foldVietnamese } from '../src/text';

it.each([
  ['Trà Vinh', 'tra vinh'],
  ['Huyện Duyên Hải', 'huyen duyen hai'],
  ['Đoàn  Thanh niên', 'doan thanh nien'],
  ['Cầu Kè', 'cau ke'],
])('folds %s to %s', (input, folded) => {
  expect(foldVietnamese(input)).toBe(folded);
});
