import {
  type CreateUserRequest,
  type GrantRequest,
  ListUsersResponse,
  type UpdateUserRequest,
  User,
} from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type UserData = z.infer<typeof User>;
export type GrantData = UserData['grants'][number];

export const usersKey = ['users'] as const;

export const usersQuery = (filter: { q?: string; unit?: string | null; at?: string }) =>
  queryOptions({
    queryKey: [
      ...usersKey,
      'list',
      filter.q ?? '',
      filter.unit ?? null,
      filter.unit ? (filter.at ?? null) : null,
    ],
    queryFn: ({ signal }) =>
      api
        .get('/users', ListUsersResponse, {
          query: { q: filter.q, unit: filter.unit, at: filter.unit ? filter.at : undefined },
          signal,
        })
        .then((data) => data.items),
  });

export function createUser(input: z.output<typeof CreateUserRequest>): Promise<UserData> {
  return api.post('/users', User, input);
}

export function updateUser(id: string, input: z.output<typeof UpdateUserRequest>): Promise<UserData> {
  return api.patch(`/users/${id}`, User, input);
}

export function addGrant(id: string, input: z.output<typeof GrantRequest>): Promise<UserData> {
  return api.post(`/users/${id}/grants`, User, input);
}

export function removeGrant(id: string, grantId: string): Promise<UserData> {
  return api.delete(`/users/${id}/grants/${grantId}`, User);
}
