import { In } from 'typeorm';
import { type ArgumentName, badInput, foldVietnamese, publishAll, publishIndicatorChanges, recordAudits, type SubgraphContext, withTransaction } from '@ioc/kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Agency } from '../entities/agency.entity';
import { Feedback } from '../entities/feedback.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { FeedbackStatus } from '../enums/feedback.enum';
import type { ReceiveFeedbackInput } from '../inputs/receive-feedback.input';
import { insertInOrder } from './ordered-insert.store';

/**
 * Citizen feedback received, one or many in one transaction (`receiveFeedback` is a batch of one):
 * communes and agencies checked in one query each, one multi-row insert, one audit entry and one
 * `feedback.received` event per item. A bad item refuses the whole batch, naming it.
 */

/** Items one `receiveFeedbacks` call takes. */
export const maxFeedbackBatch = 100;

const phonePattern = /^\+?[0-9][0-9 .-]{7,16}[0-9]$/;

function requireText(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (!text) throw badInput(argument, 'must not be empty');
  if (text.length > max) throw badInput(argument, `must be at most ${max} characters, got ${text.length}`);
  return text;
}

/** `name(i, field)` names an input's field in errors (`input.title`, `inputs[3].title`). */
export async function receiveFeedbacks(ctx: SubgraphContext, inputs: readonly ReceiveFeedbackInput[], name: ArgumentName, operation: string): Promise<Feedback[]> {
  const checked = inputs.map((input, i) => {
    const title = requireText(input.title, name(i, 'title'), 300);
    const content = requireText(input.content, name(i, 'content'), 10_000);
    const citizenName = requireText(input.citizenName, name(i, 'citizenName'), 200);
    const phone = input.citizenPhone?.trim() || null;
    if (phone !== null && !phonePattern.test(phone)) throw badInput(name(i, 'citizenPhone'), 'is not a phone number');
    return { input, title, content, citizenName, phone };
  });
  return withTransaction(ctx.db, async (tx) => {
    const communeCodes = [...new Set(checked.map((c) => c.input.communeCode))];
    const communes = new Map((await tx.manager.getRepository(AdministrativeUnit).findBy({ code: In(communeCodes), level: UnitLevel.COMMUNE })).map((u) => [u.code, u]));
    const agencyIdOf = (c: (typeof checked)[number]) => c.input.agencyId ?? `ubnd-${c.input.communeCode}`;
    const agencies = new Set((await tx.manager.getRepository(Agency).find({ select: { id: true }, where: { id: In([...new Set(checked.map(agencyIdOf))]) } })).map((a) => a.id));
    const receivedAt = new Date().toISOString();
    const rows = checked.map((c, i) => {
      const commune = communes.get(c.input.communeCode);
      if (!commune?.parentCode) throw badInput(name(i, 'communeCode'), `no commune-level unit with code "${c.input.communeCode}"`);
      const agencyId = agencyIdOf(c);
      if (!agencies.has(agencyId)) throw badInput(name(i, 'agencyId'), `no agency with id "${agencyId}"`);
      return {
        title: c.title,
        content: c.content,
        category: c.input.category,
        channel: c.input.channel,
        status: FeedbackStatus.RECEIVED,
        agencyId,
        districtCode: commune.parentCode,
        communeCode: commune.code,
        citizenName: c.citizenName,
        citizenPhone: c.phone,
        receivedAt,
        answeredAt: null,
        searchName: foldVietnamese(`${c.title} ${c.content}`),
        synthetic: c.input.synthetic === true,
      };
    });
    const ids = await insertInOrder(
      tx,
      'feedback',
      [
        { name: 'title', type: 'text', values: rows.map((r) => r.title) },
        { name: 'content', type: 'text', values: rows.map((r) => r.content) },
        { name: 'category', type: 'text', values: rows.map((r) => r.category) },
        { name: 'channel', type: 'text', values: rows.map((r) => r.channel) },
        { name: 'agency_id', type: 'text', values: rows.map((r) => r.agencyId) },
        { name: 'district_code', type: 'text', values: rows.map((r) => r.districtCode) },
        { name: 'commune_code', type: 'text', values: rows.map((r) => r.communeCode) },
        { name: 'citizen_name', type: 'text', values: rows.map((r) => r.citizenName) },
        { name: 'citizen_phone', type: 'text', values: rows.map((r) => r.citizenPhone) },
        { name: 'search_name', type: 'text', values: rows.map((r) => r.searchName) },
        { name: 'synthetic', type: 'boolean', values: rows.map((r) => r.synthetic) },
      ],
      [
        { name: 'status', type: 'text', value: FeedbackStatus.RECEIVED },
        { name: 'received_at', type: 'timestamptz', value: receivedAt },
      ],
    );
    const feedback = rows.map((row, i) => Object.assign(new Feedback(), { id: ids[i]!, ...row }));
    await publishAll(ctx.bus, 'feedback.received', feedback.map((f) => ({ id: f.id, agencyId: f.agencyId, communeCode: f.communeCode })), tx);
    await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'egov', domain: 'DIGITAL_GOVERNMENT' }, ['agenciesUsingPaknShare']);
    await recordAudits(
      tx,
      ctx,
      feedback.map((f) => ({
        operation,
        targetType: 'Feedback',
        targetIds: [f.id],
        after: f,
        fields: ['title', 'category', 'channel', 'status', 'agencyId', 'districtCode', 'communeCode', 'citizenName', 'citizenPhone', 'receivedAt'],
        personal: ['citizenName', 'citizenPhone'],
      })),
    );
    return feedback;
  });
}
