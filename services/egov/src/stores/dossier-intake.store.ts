import { In } from 'typeorm';
import { type ArgumentName, badInput, parseInstant, publishAll, publishIndicatorChanges, recordAudits, type SubgraphContext, withTransaction } from '@ioc/kit';
import { AdministrativeProcedure } from '../entities/administrative-procedure.entity';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Dossier } from '../entities/dossier.entity';
import { OnlineService } from '../entities/online-service.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { DossierChannel, DossierStatus } from '../enums/dossier.enum';
import { dueDate } from '../domain/calendar';
import { dossierIndicatorCodes } from '../indicators/indicator-events';
import type { DossierApplicantInput } from '../inputs/dossier-applicant.input';
import type { ReceiveDossierInput } from '../inputs/receive-dossier.input';
import { insertInOrder } from './ordered-insert.store';

/**
 * Writes of dossiers, one or many at once: `receiveDossier` and `receiveDossiers` (and the resolve
 * pair) call the same functions, the single mutation with one item. A batch is one transaction with
 * set-based SQL: the referenced rows read in one query each, one multi-row insert, one multi-row
 * audit insert, the events (one per dossier) published on commit. A bad item refuses the whole
 * batch, the error naming it (`items[3].input.serviceId`); nothing of the batch is written.
 */

/** Items one batch mutation takes (the schema says so); more are refused. */
export const maxDossierBatch = 100;

/** Accepts a receipt time a little in the future (clock skew between counters and the server). */
const clockSkewMs = 5 * 60_000;

/** Dossier fields an audit entry compares. */
const auditedDossierFields = ['serviceId', 'procedureId', 'serviceLevel', 'agencyId', 'districtCode', 'communeCode', 'channel', 'status', 'receivedAt', 'dueAt', 'resolvedAt'];

export function handlingAgencyId(service: Pick<OnlineService, 'authorityLevel' | 'agencyId'>, commune: Pick<AdministrativeUnit, 'code' | 'parentCode'>): string {
  if (service.authorityLevel === UnitLevel.DISTRICT) return `ubnd-${commune.parentCode}`;
  if (service.authorityLevel === UnitLevel.COMMUNE) return `ubnd-${commune.code}`;
  return service.agencyId;
}

function checkApplicant(applicant: DossierApplicantInput, name: (argument: string) => string): { fullName: string; idNumber: string | null; phone: string | null } {
  const fullName = applicant.fullName.trim().replace(/\s+/g, ' ');
  if (!fullName || fullName.length > 200) throw badInput(name('applicant.fullName'), 'must be 1–200 characters');
  const idNumber = applicant.idNumber?.trim() || null;
  if (idNumber !== null && !/^(\d{9}|\d{12})$/.test(idNumber)) throw badInput(name('applicant.idNumber'), 'must be 9 digits (CMND) or 12 digits (CCCD)');
  const phone = applicant.phone?.trim() || null;
  if (phone !== null && !/^\+?[0-9][0-9 .-]{7,16}[0-9]$/.test(phone)) throw badInput(name('applicant.phone'), 'is not a phone number');
  return { fullName, idNumber, phone };
}

export function parseDossierId(id: string, argument = 'id'): string {
  if (!/^[1-9]\d{0,17}$/.test(id)) throw badInput(argument, `"${id}" is not a dossier id`);
  return id;
}

export interface DossierReceipt {
  input: ReceiveDossierInput;
  applicant?: DossierApplicantInput | null;
}

/** Records dossiers received; publishes `dossier.received` once per dossier. Returns them in the order given. */
export async function receiveDossiers(ctx: SubgraphContext, items: readonly DossierReceipt[], name: ArgumentName, operation: string): Promise<Dossier[]> {
  const now = Date.now();
  const checked = items.map((item, i) => {
    const arg = (argument: string) => name(i, argument);
    const applicant = item.applicant ? checkApplicant(item.applicant, arg) : null;
    const receivedAt = item.input.receivedAt ? parseInstant(item.input.receivedAt, arg('input.receivedAt')) : new Date(now);
    if (receivedAt.getTime() > now + clockSkewMs) throw badInput(arg('input.receivedAt'), 'is in the future');
    return { input: item.input, applicant, receivedAt };
  });
  return withTransaction(ctx.db, async (tx) => {
    const serviceIds = [...new Set(checked.map((c) => c.input.serviceId))];
    const communeCodes = [...new Set(checked.map((c) => c.input.communeCode))];
    const services = new Map((await tx.manager.getRepository(OnlineService).findBy({ id: In(serviceIds) })).map((s) => [s.id, s]));
    const communes = new Map((await tx.manager.getRepository(AdministrativeUnit).findBy({ code: In(communeCodes), level: UnitLevel.COMMUNE })).map((u) => [u.code, u]));
    const procedureIds = [...new Set([...services.values()].map((s) => s.procedureId))];
    const procedures = new Map((await tx.manager.getRepository(AdministrativeProcedure).findBy({ id: In(procedureIds) })).map((p) => [p.id, p]));
    const rows = checked.map(({ input, receivedAt }, i) => {
      const service = services.get(input.serviceId);
      if (!service) throw badInput(name(i, 'input.serviceId'), `no online service with id "${input.serviceId}"`);
      const commune = communes.get(input.communeCode);
      if (!commune?.parentCode) throw badInput(name(i, 'input.communeCode'), `no commune-level unit with code "${input.communeCode}"`);
      if (input.channel === DossierChannel.ONLINE && service.level < 3) {
        throw badInput(name(i, 'input.channel'), `service "${service.id}" is level ${service.level}: its dossiers are received in person only`);
      }
      const procedure = procedures.get(service.procedureId);
      if (!procedure) throw new Error(`online service "${service.id}" names no procedure "${service.procedureId}"`);
      return {
        serviceId: service.id,
        procedureId: service.procedureId,
        serviceLevel: service.level,
        agencyId: handlingAgencyId(service, commune),
        districtCode: commune.parentCode,
        communeCode: commune.code,
        channel: input.channel,
        status: DossierStatus.PROCESSING,
        receivedAt: receivedAt.toISOString(),
        dueAt: dueDate(receivedAt, procedure.processingDays).toISOString(),
        resolvedAt: null,
        synthetic: input.synthetic === true,
      };
    });
    const ids = await insertInOrder(
      tx,
      'dossier',
      [
        { name: 'service_id', type: 'text', values: rows.map((r) => r.serviceId) },
        { name: 'procedure_id', type: 'text', values: rows.map((r) => r.procedureId) },
        { name: 'service_level', type: 'smallint', values: rows.map((r) => r.serviceLevel) },
        { name: 'agency_id', type: 'text', values: rows.map((r) => r.agencyId) },
        { name: 'district_code', type: 'text', values: rows.map((r) => r.districtCode) },
        { name: 'commune_code', type: 'text', values: rows.map((r) => r.communeCode) },
        { name: 'channel', type: 'text', values: rows.map((r) => r.channel) },
        { name: 'received_at', type: 'timestamptz', values: rows.map((r) => r.receivedAt) },
        { name: 'due_at', type: 'timestamptz', values: rows.map((r) => r.dueAt) },
        { name: 'synthetic', type: 'boolean', values: rows.map((r) => r.synthetic) },
      ],
      [{ name: 'status', type: 'text', value: DossierStatus.PROCESSING }],
    );
    const dossiers = rows.map((row, i) => Object.assign(new Dossier(), { id: ids[i]!, ...row }));
    const withApplicant = checked.flatMap((c, i) => (c.applicant ? [{ id: dossiers[i]!.id, ...c.applicant }] : []));
    if (withApplicant.length) {
      await tx.query('INSERT INTO dossier_applicant (dossier_id, full_name, id_number, phone) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])', [
        withApplicant.map((a) => a.id),
        withApplicant.map((a) => a.fullName),
        withApplicant.map((a) => a.idNumber),
        withApplicant.map((a) => a.phone),
      ]);
    }
    await publishAll(ctx.bus, 'dossier.received', dossiers.map((d) => ({ id: d.id, districtCode: d.districtCode, communeCode: d.communeCode })), tx);
    await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'egov', domain: 'DIGITAL_GOVERNMENT' }, [...new Set(dossiers.flatMap((d) => dossierIndicatorCodes(d.channel)))]);
    await recordAudits(
      tx,
      ctx,
      dossiers.map((dossier, i) => {
        const applicant = checked[i]!.applicant;
        return {
          operation,
          targetType: 'Dossier',
          targetIds: [dossier.id],
          after: applicant ? { ...dossier, applicantFullName: applicant.fullName, applicantIdNumber: applicant.idNumber, applicantPhone: applicant.phone } : dossier,
          fields: [...auditedDossierFields, 'applicantFullName', 'applicantIdNumber', 'applicantPhone'],
          personal: ['applicantFullName', 'applicantIdNumber', 'applicantPhone'],
        };
      }),
    );
    return dossiers;
  });
}

export interface DossierResolution {
  id: string;
  resolvedAt?: string | null;
}

/** Records dossiers resolved; publishes `dossier.resolved` once per dossier. `name(i, 'id')` names an item's arguments. */
export async function resolveDossiers(ctx: SubgraphContext, items: readonly DossierResolution[], name: ArgumentName, operation: string): Promise<Dossier[]> {
  const now = Date.now();
  const seen = new Map<string, number>();
  const checked = items.map((item, i) => {
    const id = parseDossierId(item.id, name(i, 'id'));
    const earlier = seen.get(id);
    if (earlier !== undefined) throw badInput(name(i, 'id'), `dossier ${id} is resolved twice in one call (also item ${earlier})`);
    seen.set(id, i);
    const resolvedAt = item.resolvedAt ? parseInstant(item.resolvedAt, name(i, 'resolvedAt')) : new Date(now);
    if (resolvedAt.getTime() > now + clockSkewMs) throw badInput(name(i, 'resolvedAt'), 'is in the future');
    return { id, resolvedAt };
  });
  return withTransaction(ctx.db, async (tx) => {
    // Locked in id order, so concurrent batches take the row locks in one order.
    const locked = await tx.manager
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = ANY(:ids::bigint[])', { ids: checked.map((c) => c.id) })
      .orderBy('d.id')
      .getMany();
    const byId = new Map(locked.map((d) => [String(d.id), d]));
    const pairs = checked.map(({ id, resolvedAt }, i) => {
      const dossier = byId.get(id);
      if (!dossier) throw badInput(name(i, 'id'), `no dossier with id "${id}"`);
      if (dossier.status === DossierStatus.RESOLVED) throw badInput(name(i, 'id'), `dossier ${id} was already resolved at ${dossier.resolvedAt}`);
      if (resolvedAt.getTime() < Date.parse(dossier.receivedAt)) throw badInput(name(i, 'resolvedAt'), `is before the dossier was received (${dossier.receivedAt})`);
      return { before: dossier, after: Object.assign(new Dossier(), dossier, { status: DossierStatus.RESOLVED, resolvedAt: resolvedAt.toISOString() }) };
    });
    await tx.query(`UPDATE dossier d SET status = 'RESOLVED', resolved_at = u.resolved_at FROM unnest($1::bigint[], $2::timestamptz[]) AS u(id, resolved_at) WHERE d.id = u.id`, [
      pairs.map((p) => p.after.id),
      pairs.map((p) => p.after.resolvedAt),
    ]);
    await publishAll(ctx.bus, 'dossier.resolved', pairs.map(({ after }) => ({ id: after.id, districtCode: after.districtCode, communeCode: after.communeCode })), tx);
    await recordAudits(
      tx,
      ctx,
      pairs.map(({ before, after }) => ({ operation, targetType: 'Dossier', targetIds: [after.id], before, after, fields: auditedDossierFields })),
    );
    return pairs.map((p) => p.after);
  });
}
