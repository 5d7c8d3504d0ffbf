import { z } from 'zod';
import { IsoDate, ItemsOf, UnitCode, Uuid } from '../common/schemas';
import { actions, roles } from './roles';

export const Role = z.enum(roles).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;
export const Action = z.enum(actions);
export type Action = z.infer<typeof Action>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._]{3,40}$/, { error: 'username.invalid' });

export const Password = z.string().min(10, { error: 'password.weak' }).max(200);

export const LoginRequest = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(40), password: z.string().min(1).max(200) })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RoleGrant = z.object({
  id: Uuid,
  role: Role,
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  unitValidFrom: IsoDate.nullable().meta({ description: 'First day of the unit (of its first version)' }),
  unitValidTo: IsoDate.nullable().meta({
    description: 'First day the unit no longer exists; null while it does',
  }),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const Me = z
  .object({
    id: Uuid,
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    grants: z.array(RoleGrant),
    actions: z.array(Action),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
export const LoginResponse = Me;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const User = z
  .object({
    id: Uuid,
    username: z.string(),
    displayName: z.string(),
    isActive: z.boolean(),
    createdAt: z.string(),
    grants: z.array(RoleGrant),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const ListUsersQuery = z.object({
  unit: UnitCode.optional(),
  q: z.string().trim().max(100).optional(),
});
export const ListUsersResponse = ItemsOf(User);
export type ListUsersResponse = z.infer<typeof ListUsersResponse>;

export const GrantRequest = z.object({
  role: Role,
  unitCode: UnitCode.nullable().optional(),
  at: IsoDate.optional().meta({ description: 'Date on which unitCode is read; today when absent' }),
});
export type GrantRequest = z.input<typeof GrantRequest>;

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1, { error: 'name.blank' }).max(120),
    password: Password,
    grants: z.array(GrantRequest).max(20).default([]),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  displayName: z.string().trim().min(1, { error: 'name.blank' }).max(120).optional(),
  isActive: z.boolean().optional(),
  password: Password.optional().meta({
    description: 'Sets a new password; the user must change it at next login',
  }),
});
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;

export const UserIdParams = z.object({ id: Uuid });
export const GrantIdParams = z.object({ id: Uuid, grantId: Uuid });
