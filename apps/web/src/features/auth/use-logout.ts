import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { meQueryKey } from '../../lib/query-client';
import { logout } from './auth.api';

export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    // Whatever the server said, this browser forgets the account and its data.
    onSettled: () => {
      client.clear();
      client.setQueryData(meQueryKey, null);
      navigate('/login', { replace: true });
    },
  });
}
