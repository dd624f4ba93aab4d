import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { planData } from '../data';

interface PlanTaskRecord {
  no: string;
  seq: number;
  group: string;
  groupTitleVi: string;
  groupTitleEn: string;
  titleVi: string;
  titleEn: string;
  leadAgencyVi: string;
  coAgenciesVi: string[];
  leadAgencyCodes: string[];
  leadScopes: string[];
  coAgencyCodes: string[];
  coScopes: string[];
  deadlineVi: string;
  deadlineEn: string;
  deadlineKind: string;
  source: string;
}

interface PlanProjectRecord {
  no: number;
  titleVi: string;
  titleEn: string;
  leadAgencyVi: string;
  leadAgencyCode: string;
  periodVi: string;
  totalMillionVnd: number;
  newOrContinuingVi?: string;
  fundingTypeVi?: string;
  source: string;
  budget2023MillionVnd?: number;
  spend2022MillionVnd?: number;
  funded?: boolean;
  note?: string;
  sourceRef?: string;
  fundingSourceVi?: string;
}

/** Appendix II (the 2023 tasks) and Appendices I and III (the projects of 2022 and 2023), as the plan gives them. */
export async function seedPlan(manager: EntityManager): Promise<{ tasks: number; projects: number }> {
  const tasks = planData<PlanTaskRecord[]>('plan-tasks-2023.json');
  // Nothing references tasks or projects: replace them wholesale so the seed follows the data files.
  await manager.query('DELETE FROM plan_task');
  await manager.query('DELETE FROM plan_project');
  await bulkInsert(
    manager,
    'plan_task',
    ['id', 'year', 'no', 'seq', 'group_code', 'group_title_vi', 'group_title_en', 'title_vi', 'title_en', 'lead_agency_vi', 'co_agencies_vi',
      'lead_agency_ids', 'co_agency_ids', 'lead_scopes', 'co_scopes', 'deadline_vi', 'deadline_en', 'deadline_kind', 'source', 'search_name'],
    tasks.map((t) => [`2023-${t.no}`, 2023, t.no, t.seq, t.group, t.groupTitleVi, t.groupTitleEn, t.titleVi, t.titleEn, t.leadAgencyVi,
      t.coAgenciesVi, t.leadAgencyCodes, t.coAgencyCodes, t.leadScopes, t.coScopes, t.deadlineVi, t.deadlineEn, t.deadlineKind, t.source,
      foldVietnamese(`${t.titleVi} ${t.titleEn}`)]),
  );
  const projects = planData<Record<'2022' | '2023', PlanProjectRecord[]>>('plan-projects.json');
  const rows = (['2022', '2023'] as const).flatMap((year) =>
    projects[year].map((p) => {
      const y = Number(year);
      return [`${year}-${p.no}`, y, p.no, p.titleVi, p.titleEn, p.leadAgencyCode, p.leadAgencyVi, p.periodVi, p.totalMillionVnd,
        y === 2023 ? p.budget2023MillionVnd : p.spend2022MillionVnd,
        y === 2023 ? p.source : null,
        y === 2023 ? p.fundingTypeVi ?? null : p.fundingSourceVi ?? null,
        p.newOrContinuingVi ?? null, p.funded ?? null, p.note ?? null, y === 2023 ? p.sourceRef ?? '' : p.source,
        foldVietnamese(`${p.titleVi} ${p.titleEn}`)];
    }),
  );
  await bulkInsert(
    manager,
    'plan_project',
    ['id', 'year', 'no', 'title_vi', 'title_en', 'lead_agency_id', 'lead_agency_vi', 'period_vi', 'total_million_vnd', 'amount_million_vnd',
      'funding_type', 'funding_source_vi', 'new_or_continuing_vi', 'funded', 'note', 'source', 'search_name'],
    rows,
  );
  return { tasks: tasks.length, projects: rows.length };
}
