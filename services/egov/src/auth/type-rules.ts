import { protectType } from '@ioc/kit';
import { Dossier } from '../entities/dossier.entity';
import { Feedback } from '../entities/feedback.entity';
import { InformationSystem } from '../entities/information-system.entity';

/**
 * Agency clients read only their own agency's systems, dossiers and feedback, whatever path
 * reaches a record (a list, `_entities` from another subgraph, a subscription, a nested field):
 * any field of another agency's record is FORBIDDEN, naming the field. Which roles may reach
 * these records at all is said on the resolvers (root fields) and in docs/security.md; citizens'
 * personal data is masked by the field resolvers (support/personal-data.ts).
 */
protectType(InformationSystem, 'InformationSystem', { agencyOf: (system) => system.ownerAgencyId });
protectType(Dossier, 'Dossier', { agencyOf: (dossier) => dossier.agencyId });
protectType(Feedback, 'Feedback', { agencyOf: (feedback) => feedback.agencyId });
