import { type ChangePasswordRequest, type LoginRequest, Me } from '@doanket/domain';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../lib/api';
import { meQueryKey } from '../../lib/query-client';

export type MeData = z.infer<typeof Me>;

/** The signed-in account, or null without a session. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<MeData | null> => {
    try {
      return await api.get('/auth/me', Me, { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function login(input: LoginRequest): Promise<MeData> {
  return api.post('/auth/login', Me, input);
}

export function logout(): Promise<undefined> {
  return api.post('/auth/logout', null);
}

export function changePassword(input: ChangePasswordRequest): Promise<undefined> {
  return api.post('/auth/password', null, input);
}
