import { planData } from '../data';

export interface SystemRecord {
  code: string;
  nameVi: string;
  nameEn: string;
  ownerAgencyCode: string;
  category: string;
  inDataCentre: boolean;
  synthetic: boolean;
  securityLevelApproved2022?: boolean;
}

/** The 47 information systems of the provincial catalogue; `code` is the InformationSystem id. */
export function loadSystems(): SystemRecord[] {
  return planData<SystemRecord[]>('information-systems.json');
}
