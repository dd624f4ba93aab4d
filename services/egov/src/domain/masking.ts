/** "Nguyễn Văn An" → "Nguyễn V. A**": family name kept, the rest reduced to initials. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  if (parts.length === 1) return `${[...parts[0]!][0]}***`;
  const [family, ...rest] = parts;
  const given = rest.pop()!;
  const middle = rest.map((part) => `${[...part][0]}.`);
  return [family, ...middle, `${[...given][0]}${'*'.repeat(Math.max(2, [...given].length - 1))}`].join(' ');
}

/** "0912345678" → "09******78": the operator prefix and last two digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}
