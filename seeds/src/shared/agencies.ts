import { planData } from '../data';
import { loadTraVinhUnits } from './units';

export interface AgencyRecord {
  id: string;
  nameVi: string;
  nameEn: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  kind: 'DEPARTMENT' | 'PARTY' | 'PEOPLES_COMMITTEE';
  /** Administrative unit the agency belongs to (84 for provincial agencies). */
  unitCode: string;
  synthetic: boolean;
}

interface PlanAgency {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  synthetic?: boolean;
}

/**
 * The 150 agencies of the plan: 19 provincial departments, 16 Party agencies, and the People's
 * Committees of the 9 districts and 106 communes (id `ubnd-<GSO code>`). Every domain's seed
 * refers to agencies by these ids.
 */
export function loadAgencies(): AgencyRecord[] {
  const provincial = planData<PlanAgency[]>('agencies.json').map<AgencyRecord>((agency) => ({
    id: agency.code,
    nameVi: agency.nameVi,
    nameEn: agency.nameEn,
    level: 'PROVINCE',
    kind: agency.kind === 'PARTY' ? 'PARTY' : 'DEPARTMENT',
    unitCode: '84',
    synthetic: agency.synthetic ?? false,
  }));
  const committees = loadTraVinhUnits()
    .filter((unit) => unit.type !== 'tinh')
    .map<AgencyRecord>((unit) => {
      const district = unit.parent_code === '84';
      return {
        id: `ubnd-${unit.code}`,
        nameVi: `UBND ${unit.name_with_type}`,
        nameEn: `People's Committee of ${unit.name_with_type}`,
        level: district ? 'DISTRICT' : 'COMMUNE',
        kind: 'PEOPLES_COMMITTEE',
        unitCode: unit.code,
        synthetic: false,
      };
    });
  return [...provincial, ...committees];
}
