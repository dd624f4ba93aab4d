import { egovSubgraph } from '@ioc/egov';
import type { DomainSeed } from '../domain-seed';
import { seedAdministrativeUnits } from './administrative-units.seed';
import { seedAgencies } from './agencies.seed';
import { seedDossiers } from './dossiers.seed';
import { seedFeedback } from './feedback.seed';
import { seedIndicators } from './indicators.seed';
import { seedInformationSystems } from './information-systems.seed';
import { buildCatalogue } from './procedure-catalogue';
import { seedProcedures } from './procedures.seed';
import { seedPlan } from './plan.seed';

export const egovSeed: DomainSeed = {
  name: 'egov',
  version: 3,
  subgraph: egovSubgraph,
  async run(manager, { profile, logger, scale = 1, progress }) {
    const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work();
      logger.debug('egov seed step', { step, ms: Math.round(performance.now() - started) });
      return result;
    };
    const administrativeUnits = await timed('units', () => seedAdministrativeUnits(manager));
    const agencies = await timed('agencies', () => seedAgencies(manager));
    const informationSystems = await timed('systems', () => seedInformationSystems(manager));
    const catalogue = buildCatalogue();
    const { procedures, services } = await timed('procedures', () => seedProcedures(manager, catalogue));
    const dossiers = await timed('dossiers', () => seedDossiers(manager, catalogue, profile, scale, progress));
    const feedback = await timed('feedback', () => seedFeedback(manager, profile, scale));
    const { tasks, projects } = await timed('plan', () => seedPlan(manager));
    const { measurements, indicators } = await timed('indicators', () => seedIndicators(manager));
    return { administrativeUnits, agencies, informationSystems, procedures, services, dossiers, feedback, tasks, projects, measurements, indicators };
  },
};
