import { vietnamTodaySql } from '@ioc/kit';

/** SQL twins of domain/grading.ts (an e2e test checks that both agree), over alias `p`. */
export const inspectionOverdueSql = `(p.approval_status = 'APPROVED' AND p.level >= 3 AND
  (COALESCE(p.last_inspection, p.approved_date) + CASE WHEN p.level = 5 THEN interval '6 months' ELSE interval '12 months' END)::date < ${vietnamTodaySql})`;

export const fourLayerCompleteSql = '(p.on_site_force AND p.professional_monitoring AND p.independent_inspection AND p.ncsc_connected)';
