import { QueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api';

export const meQueryKey = ['auth', 'me'] as const;

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx answer will not change on retry; network hiccups may.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  // An expired session anywhere sends the user back to the login page (RequireAuth watches "me").
  setUnauthorizedHandler(() => {
    client.setQueryData(meQueryKey, null);
  });
  return client;
}
