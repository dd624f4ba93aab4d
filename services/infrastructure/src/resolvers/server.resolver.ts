import { isIPv4, isIPv6 } from 'node:net';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { applyOrdering, applySearch, badInput, type Connection, connectionType, foldVietnamese, forbidden, loadBy, loadGrouped, type Ordering, paginate, recordAudit, Roles, type SubgraphContext, type Transaction, withTransaction } from '@ioc/kit';
import { Server } from '../entities/server.entity';
import { ServerSystem } from '../entities/server-system.entity';
import { InformationSystemRef } from '../entities/information-system-ref.entity';
import { ServersAddedByIngestArgs, ServersArgs } from '../args/servers.args';
import { AddServerInput } from '../inputs/server.input';
import { ServerHealth, ServerKind, ServerSort, ServerStatus } from '../enums/server.enum';
import { ServerResources } from '../types/server-resources.type';
import { InformationSystem } from '../stubs/information-system.stub';
import { overcommitted, sumResources } from '../domain/capacity';
import { ingestServerRefusal, ingestServerRules } from '../domain/ingest-server';
import { findServers } from '../references/server.reference';
import { ServerHealthReportInput } from '../inputs/status-report.input';
import { applyOneReport, applyReportBatch, maxStatusBatch, setServersHealth } from '../stores/status-report.store';

export const ServerConnection = connectionType(Server, 'Server');

const order: Record<ServerSort, Ordering> = {
  [ServerSort.ID_ASC]: [['s.id', 'ASC']],
  [ServerSort.HOSTNAME_ASC]: [['s.hostname', 'ASC'], ['s.id', 'ASC']],
  [ServerSort.HEALTH_CHANGED_DESC]: [['s.healthChangedAt', 'DESC'], ['s.id', 'ASC']],
  [ServerSort.CPU_DESC]: [['s.cpuCores', 'DESC'], ['s.id', 'ASC']],
  [ServerSort.MEMORY_DESC]: [['s.memoryGb', 'DESC'], ['s.id', 'ASC']],
};

/** What a server's search key is made of: id, hostname and the systems it hosts. */
export function serverSearchName(id: string, hostname: string, systems: readonly InformationSystemRef[]): string {
  return foldVietnamese([id, hostname, ...systems.flatMap((system) => [system.id, system.nameEn])].join(' '));
}

const limits = { cpuCores: 512, memoryGb: 16_384, diskGb: 1_000_000 } as const;

/** Server fields an audit entry compares. */
const auditedServerFields = ['kind', 'hostname', 'hostId', 'cpuCores', 'memoryGb', 'diskGb', 'ipv4', 'ipv6', 'health', 'healthChangedAt', 'status', 'commissionedOn', 'retiredAt'];

/** Whether an `ingest` caller put the server into service (its `addServer` audit entry). */
async function addedByIngest(tx: Transaction, id: string): Promise<boolean> {
  const rows = await tx.query<unknown[]>(`SELECT 1 FROM audit_log WHERE operation = 'addServer' AND role = 'ingest' AND target_ids @> ARRAY[$1]::text[] LIMIT 1`, [id]);
  return rows.length > 0;
}

function activeGuests(ctx: SubgraphContext, hostIds: readonly string[]): Promise<Server[]> {
  return ctx.db.getRepository(Server).findBy({ hostId: In([...hostIds]), status: ServerStatus.ACTIVE });
}

@Resolver(() => Server)
@Authorized(...Roles.dashboard)
export class ServerResolver {
  @Query(() => ServerConnection, {
    description: 'Máy chủ: servers of the provincial data centre (active ones unless `status` says otherwise).',
  })
  async servers(@Args(() => ServersArgs) args: ServersArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Server>> {
    if (typeof args.hostId === 'string') {
      const host = await loadBy(ctx, Server, 'id', args.hostId);
      if (!host || host.kind !== ServerKind.PHYSICAL) throw badInput('hostId', `no physical host with id "${args.hostId}"`);
    }
    if (typeof args.systemId === 'string') {
      const system = await ctx.db.getRepository(InformationSystemRef).findOneBy({ id: args.systemId });
      if (!system) throw badInput('systemId', `no information system with id "${args.systemId}"`);
    }
    const query = ctx.db.getRepository(Server).createQueryBuilder('s');
    if (args.kind) query.andWhere('s.kind = :kind', { kind: args.kind });
    if (args.status) query.andWhere('s.status = :status', { status: args.status });
    if (args.health) query.andWhere('s.health = :health', { health: args.health });
    if (typeof args.hostId === 'string') query.andWhere('s.hostId = :hostId', { hostId: args.hostId });
    if (typeof args.systemId === 'string') {
      query.andWhere('EXISTS (SELECT 1 FROM server_system ss WHERE ss.server_id = s.id AND ss.system_id = :systemId)', {
        systemId: args.systemId,
      });
    }
    applySearch(query, 's.searchName', args.search);
    applyOrdering(query, order[args.sort ?? ServerSort.ID_ASC]);
    return paginate(query, args);
  }

  @Authorized(...Roles.ingest)
  @Query(() => ServerConnection, {
    description:
      'Synthetic servers an `ingest` caller (the demo feed) put into service, by id, still active unless `status` says otherwise: what a feed stopped by a crash left behind and retires when it starts. The ingest role reads their `id` and `health` only.',
  })
  async serversAddedByIngest(@Args(() => ServersAddedByIngestArgs) args: ServersAddedByIngestArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Server>> {
    // The rule retireServer applies to an ingest caller: synthetic, and added by an ingest caller (its addServer audit entry).
    const query = ctx.db
      .getRepository(Server)
      .createQueryBuilder('s')
      .where('s.synthetic = true')
      .andWhere(`EXISTS (SELECT 1 FROM audit_log a WHERE a.operation = 'addServer' AND a.role = 'ingest' AND a.target_ids @> ARRAY[s.id]::text[])`);
    if (args.status) query.andWhere('s.status = :status', { status: args.status });
    applyOrdering(query, order[ServerSort.ID_ASC]);
    return paginate(query, args);
  }

  @Query(() => Server, { nullable: true, description: 'A server by id ("host-07", "vm-042"); null when unknown.' })
  async server(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<Server | null> {
    const [server] = await findServers([id], ctx);
    return server ?? null;
  }

  @FieldResolver(() => Server, { nullable: true, description: 'The physical host of a virtual machine.' })
  async host(@Root() server: Server, @Ctx() ctx: SubgraphContext): Promise<Server | null> {
    return server.hostId ? loadBy(ctx, Server, 'id', server.hostId) : null;
  }

  @FieldResolver(() => [Server], { description: 'Active virtual machines on a physical host.' })
  async virtualMachines(@Root() server: Server, @Ctx() ctx: SubgraphContext): Promise<Server[]> {
    if (server.kind !== ServerKind.PHYSICAL) return [];
    const guests = await loadGrouped(ctx, 'server:guests', server.id, (ids) => activeGuests(ctx, ids), (row) => row.hostId!);
    return [...guests].sort((a, b) => a.id.localeCompare(b.id));
  }

  @FieldResolver(() => ServerResources, { nullable: true, description: 'Resources of a host allocated to its active virtual machines.' })
  async allocated(@Root() server: Server, @Ctx() ctx: SubgraphContext): Promise<ServerResources | null> {
    if (server.kind !== ServerKind.PHYSICAL) return null;
    const guests = await loadGrouped(ctx, 'server:guests', server.id, (ids) => activeGuests(ctx, ids), (row) => row.hostId!);
    return sumResources(guests);
  }

  @FieldResolver(() => [InformationSystem], { description: 'Information systems this server serves.' })
  async hostedSystems(@Root() server: Server, @Ctx() ctx: SubgraphContext): Promise<InformationSystem[]> {
    const links = await loadGrouped(
      ctx,
      'server:systems',
      server.id,
      (ids) => ctx.db.getRepository(ServerSystem).find({ where: { serverId: In([...ids]) }, order: { systemId: 'ASC' } }),
      (row) => row.serverId,
    );
    return links.map((link) => ({ id: link.systemId }));
  }

  @Authorized(...Roles.ingest)
  @Mutation(() => Server, {
    description:
      'Puts a server into service (within its host\'s capacity); publishes `server.changed`. Admins; an `ingest` caller (the demo feed) only a synthetic VM (`synthetic: true`) with at most 2 cores, 4 GB memory and 50 GB disk, on 10.254.0.0/16, without systems, host name or IPv6, and at most 20 of its servers in service at once.',
  })
  async addServer(@Arg('input', () => AddServerInput) input: AddServerInput, @Ctx() ctx: SubgraphContext): Promise<Server> {
    if (ctx.principal.role === 'ingest' && input.synthetic !== true) throw forbidden('addServer', 'for the ingest role needs input.synthetic: true (only admins put real servers into service)');
    for (const name of ['cpuCores', 'memoryGb', 'diskGb'] as const) {
      const value = input[name];
      if (!Number.isInteger(value) || value < 1 || value > limits[name]) {
        throw badInput(`input.${name}`, `must be between 1 and ${limits[name]}, got ${value}`);
      }
    }
    if (!isIPv4(input.ipv4)) throw badInput('input.ipv4', `"${input.ipv4}" is not an IPv4 address`);
    if (typeof input.ipv6 === 'string' && !isIPv6(input.ipv6)) throw badInput('input.ipv6', `"${input.ipv6}" is not an IPv6 address`);
    if (input.kind === ServerKind.VIRTUAL && typeof input.hostId !== 'string') {
      throw badInput('input.hostId', 'a virtual machine needs the physical host it runs on');
    }
    if (input.kind === ServerKind.PHYSICAL && typeof input.hostId === 'string') {
      throw badInput('input.hostId', 'a physical server has no host');
    }
    if (typeof input.hostname === 'string' && !/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/i.test(input.hostname)) {
      throw badInput('input.hostname', `"${input.hostname}" is not a host name`);
    }
    const ingest = ctx.principal.role === 'ingest';
    const refusal = ingest ? ingestServerRefusal(input) : undefined;
    if (refusal) throw forbidden('addServer', `${refusal.argument} ${refusal.reason}`);
    const systemIds = [...new Set(input.systemIds ?? [])];

    return withTransaction(ctx.db, async (tx) => {
      const servers = tx.manager.getRepository(Server);
      const systems = systemIds.length ? await tx.manager.getRepository(InformationSystemRef).findBy({ id: In(systemIds) }) : [];
      const unknown = systemIds.filter((id) => !systems.some((system) => system.id === id));
      if (unknown.length) throw badInput('input.systemIds', `no information system with id ${unknown.map((id) => `"${id}"`).join(', ')}`);

      if (input.kind === ServerKind.VIRTUAL) {
        const host = await servers.createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id: input.hostId }).getOne();
        if (!host || host.kind !== ServerKind.PHYSICAL) throw badInput('input.hostId', `no physical host with id "${input.hostId}"`);
        if (host.status !== ServerStatus.ACTIVE) throw badInput('input.hostId', `host "${host.id}" is retired`);
        const guests = await servers.findBy({ hostId: host.id, status: ServerStatus.ACTIVE });
        const short = overcommitted(host, guests, input);
        if (short) {
          const free = host[short] - sumResources(guests)[short];
          throw badInput(`input.${short}`, `host "${host.id}" has ${free} ${short} free, ${input[short]} asked`);
        }
      }
      const clash = await servers.findOneBy({ ipv4: input.ipv4, status: ServerStatus.ACTIVE });
      if (clash) throw badInput('input.ipv4', `${input.ipv4} is already used by "${clash.id}"`);

      // One id at a time: concurrent additions wait for each other.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('infrastructure.server.id'))");
      if (ingest) {
        // Counted under the lock above, so two feeds adding at once cannot both pass the cap.
        const rows = await tx.query<Array<{ count: number }>>(
          `SELECT count(*)::int AS count FROM server s WHERE s.status = 'ACTIVE' AND s.synthetic
             AND EXISTS (SELECT 1 FROM audit_log a WHERE a.operation = 'addServer' AND a.role = 'ingest' AND a.target_ids @> ARRAY[s.id]::text[])`,
        );
        const count = rows[0]?.count ?? 0;
        if (count >= ingestServerRules.maxInService) {
          throw forbidden('addServer', `for the ingest role allows ${ingestServerRules.maxInService} of its servers in service at once; ${count} are (retire one first)`);
        }
      }
      const prefix = input.kind === ServerKind.PHYSICAL ? 'host-' : 'vm-';
      const [row] = await tx.query<Array<{ max: number | null }>>(
        `SELECT max(substring(id FROM '[0-9]+$')::integer) AS max FROM server WHERE id LIKE $1`,
        [`${prefix}%`],
      );
      const number = (row?.max ?? 0) + 1;
      const id = input.kind === ServerKind.PHYSICAL ? `host-${String(number).padStart(2, '0')}` : `vm-${String(number).padStart(3, '0')}`;
      const hostname = input.hostname ?? `${id}.dc.travinh.gov.vn`;
      const now = new Date();
      const server = servers.create({
        id,
        kind: input.kind,
        hostname,
        hostId: input.kind === ServerKind.VIRTUAL ? input.hostId! : null,
        cpuCores: input.cpuCores,
        memoryGb: input.memoryGb,
        diskGb: input.diskGb,
        ipv4: input.ipv4,
        ipv6: input.ipv6 ?? null,
        health: ServerHealth.HEALTHY,
        healthChangedAt: now,
        status: ServerStatus.ACTIVE,
        commissionedOn: now.toISOString().slice(0, 10),
        retiredAt: null,
        searchName: serverSearchName(id, hostname, systems),
        synthetic: input.synthetic === true,
      });
      await servers.insert(server);
      if (systemIds.length) await tx.manager.getRepository(ServerSystem).insert(systemIds.map((systemId) => ({ serverId: id, systemId })));
      await ctx.bus.publish('server.changed', { id }, tx);
      await recordAudit(tx, ctx, {
        operation: 'addServer',
        targetType: 'Server',
        targetIds: [id],
        after: { ...server, systemIds },
        fields: [...auditedServerFields, 'systemIds', 'synthetic'],
      });
      return server;
    });
  }

  @Authorized(...Roles.ingest)
  @Mutation(() => Server, {
    description: 'Retires a server (a host only once its VMs are gone); publishes `server.changed`. Admins; an `ingest` caller only a synthetic server an `ingest` caller added.',
  })
  async retireServer(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<Server> {
    return withTransaction(ctx.db, async (tx) => {
      const servers = tx.manager.getRepository(Server);
      const server = await servers.createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
      if (!server) throw badInput('id', `no server with id "${id}"`);
      // The seeded data centre is generated too (synthetic), so the audit log tells the feed's own servers apart.
      if (ctx.principal.role === 'ingest' && !(server.synthetic && (await addedByIngest(tx, id)))) {
        throw forbidden('retireServer', `for the ingest role takes only a synthetic server an ingest caller added; "${id}" is not one (only admins retire real servers)`);
      }
      if (server.status === ServerStatus.RETIRED) throw badInput('id', `server "${id}" is already retired`);
      if (server.kind === ServerKind.PHYSICAL) {
        const guests = await servers.countBy({ hostId: id, status: ServerStatus.ACTIVE });
        if (guests) throw badInput('id', `host "${id}" still runs ${guests} active virtual machines; move or retire them first`);
      }
      const retiredAt = new Date();
      await servers.update({ id }, { status: ServerStatus.RETIRED, retiredAt });
      await ctx.bus.publish('server.changed', { id }, tx);
      const before = { ...server };
      const after = Object.assign(server, { status: ServerStatus.RETIRED, retiredAt });
      await recordAudit(tx, ctx, { operation: 'retireServer', targetType: 'Server', targetIds: [id], before, after, fields: auditedServerFields });
      return after;
    });
  }

  @Authorized(...Roles.ingest)
  @Mutation(() => Server, { description: 'Records a server\'s monitored health; publishes `server.health-changed`.' })
  async setServerHealth(
    @Arg('id', () => String) id: string,
    @Arg('health', () => ServerHealth) health: ServerHealth,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Server> {
    return applyOneReport(setServersHealth, ctx, { id, health }, 'setServerHealth');
  }

  @Authorized(...Roles.ingest)
  @Mutation(() => [Server], {
    description: `Records up to ${maxStatusBatch} health reports in one transaction, applied in the order given as \`setServerHealth\` each (one \`server.health-changed\` event per change, one audit entry per report); answers each report's server as it stood after it. A bad item refuses the whole call, its error naming the item (\`items[4].id\`); more than ${maxStatusBatch} items are refused.`,
  })
  async setServersHealth(@Arg('items', () => [ServerHealthReportInput]) items: ServerHealthReportInput[], @Ctx() ctx: SubgraphContext): Promise<Server[]> {
    return applyReportBatch(setServersHealth, ctx, items, 'setServersHealth');
  }
}
