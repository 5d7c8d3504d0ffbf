import { z } from 'zod';
import { IsoDate, UnitCode } from '../common/schemas';

export const AuditAction = z.enum(['create', 'update', 'delete', 'import', 'login', 'logout', 'reveal']);

export const AuditEvent = z
  .object({
    id: z.string(),
    at: z.string().meta({ description: 'ISO timestamp' }),
    actorUsername: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitCode: z.string().nullable(),
    unitName: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const ListAuditQuery = z.object({
  unit: UnitCode.optional().meta({ description: 'Events of this unit and everything below it' }),
  at: IsoDate.optional().meta({ description: 'Date on which the unit code is read' }),
  entityType: z.string().trim().max(60).optional(),
  action: z.string().trim().max(30).optional(),
  actor: z.string().trim().max(40).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'Cursor: events older than this id' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.input<typeof ListAuditQuery>;

export const ListAuditResponse = z.object({ items: z.array(AuditEvent), nextBefore: z.number().nullable() });
export type ListAuditResponse = z.infer<typeof ListAuditResponse>;
