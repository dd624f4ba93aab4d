import { seesPersonalData, type Principal } from '@ioc/kit';
import { maskName, maskPhone } from './masking';

/** "079203001234" → "*********234": a citizen ID (CMND 9 digits, CCCD 12 digits) keeps its last three digits. */
export function maskIdNumber(idNumber: string): string {
  const digits = idNumber.replace(/\D/g, '');
  if (digits.length <= 3) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}

/**
 * Citizens' personal data as `principal` may see it: in clear for admins (who handle complaints
 * about the data itself), masked for everyone else: dashboards, analysts, agency clients.
 */
export const personalData = {
  name: (principal: Principal | undefined, value: string): string => (seesPersonalData(principal) ? value : maskName(value)),
  phone: (principal: Principal | undefined, value: string | null): string | null =>
    value === null ? null : seesPersonalData(principal) ? value : maskPhone(value),
  idNumber: (principal: Principal | undefined, value: string | null): string | null =>
    value === null ? null : seesPersonalData(principal) ? value : maskIdNumber(value),
};
