import { compareVietnamese } from '@doanket/domain';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type UnitItem, unitChildrenQuery } from './units.api';

export function sortUnits(units: readonly UnitItem[]): UnitItem[] {
  return [...units].sort((a, b) => compareVietnamese(a.name, b.name) || a.code.localeCompare(b.code));
}

export type UnitTreeData = {
  roots: UnitItem[] | undefined;
  childrenOf: (code: string) => UnitItem[] | undefined;
  isLoading: boolean;
  error: unknown;
  /** For antd's loadData: resolves once the children of `code` are in the cache. */
  load: (code: string) => Promise<void>;
};

/** The tree as of a date: roots plus the children of every expanded node, from the query cache. */
export function useUnitTree(at: string, expandedCodes: readonly string[]): UnitTreeData {
  const client = useQueryClient();
  const parents = [null, ...expandedCodes];
  const results = useQueries({ queries: parents.map((parent) => unitChildrenQuery(at, parent)) });
  const byParent = new Map<string | null, UnitItem[]>();
  results.forEach((result, index) => {
    if (result.data) byParent.set(parents[index] ?? null, sortUnits(result.data));
  });
  const load = useCallback(
    async (code: string) => {
      await client.ensureQueryData(unitChildrenQuery(at, code)).catch(() => undefined);
    },
    [client, at],
  );
  return {
    roots: byParent.get(null),
    childrenOf: (code) => byParent.get(code),
    isLoading: results[0]?.isLoading ?? false,
    error: results[0]?.error ?? null,
    load,
  };
}

/** Builds nested nodes from the tree data; `make` shapes one node for Tree or TreeSelect. */
export function buildNodes<N>(
  tree: UnitTreeData,
  units: readonly UnitItem[],
  make: (unit: UnitItem, children: N[] | undefined) => N,
): N[] {
  return units.map((unit) => {
    const children = tree.childrenOf(unit.code);
    return make(unit, children ? buildNodes(tree, children, make) : undefined);
  });
}
