import { registerEnumType } from 'type-graphql';
import { GradingApprovalAuthority, GradingApprovalStatus } from '../domain/grading';

export { GradingApprovalAuthority, GradingApprovalStatus };

registerEnumType(GradingApprovalStatus, { name: 'GradingApprovalStatus', description: 'Where a system\'s security-level dossier (hồ sơ đề xuất cấp độ) stands.' });
registerEnumType(GradingApprovalAuthority, {
  name: 'GradingApprovalAuthority',
  description: 'Who approves the level under Decree 85/2016: levels 1–2 the owner\'s IT unit, 3 the owner, 4–5 the owner after the ministry appraises.',
});
