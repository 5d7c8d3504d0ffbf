import { useQuery } from '@tanstack/react-query';
import { Spin, TreeSelect, Typography } from 'antd';
import { type CSSProperties, type Key, type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { type UnitItem, type UnitSearchHit, unitDetailQuery, unitSearchQuery } from './units.api';
import { buildNodes, useUnitTree } from './use-unit-tree';

type PickerNode = {
  key: string;
  value: string;
  title: ReactNode;
  isLeaf: boolean;
  disabled?: boolean;
  children?: PickerNode[];
};

export type UnitPickerProps = {
  at: string;
  value?: string | null;
  onChange?: (code: string | null, unit: UnitItem | null) => void;
  /** Units that may be picked; the others stay visible to browse through. */
  isSelectable?: (unit: UnitItem) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  testId?: string;
  id?: string;
  status?: 'error' | 'warning' | '';
};

/**
 * Picks a unit valid on `at`: browse the tree (children load on expand) or type part of a
 * name without diacritics ("bac tu liem") to search the whole scope.
 */
export function UnitPicker({
  at,
  value = null,
  onChange,
  isSelectable,
  placeholder,
  allowClear = false,
  style,
  testId = 'unit-picker',
  id,
  status,
}: UnitPickerProps) {
  const { t } = useI18n();
  // Opened nodes belong to one date: another date is another tree.
  const [opened, setOpened] = useState<{ at: string; keys: string[] }>({ at, keys: [] });
  const expanded = opened.at === at ? opened.keys : [];
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);
  const isSearching = search.trim().length > 0;
  const tree = useUnitTree(at, expanded);
  const hits = useQuery({ ...unitSearchQuery(at, term), enabled: term.length > 0 });
  const known = useRef(new Map<string, UnitItem>());

  // A picked unit not (yet) in the loaded tree still needs its name for the label.
  const detail = useQuery({ ...unitDetailQuery(value ?? '', at), enabled: Boolean(value) });

  // Opening the picker shows the picked unit in place: its ancestors open.
  const ancestorKey = detail.data
    ? detail.data.path
        .slice(0, -1)
        .map((step) => step.code)
        .join('|')
    : '';
  useEffect(() => {
    if (!ancestorKey) return;
    setOpened((current) => {
      const keys = current.at === at ? current.keys : [];
      return { at, keys: [...new Set([...keys, ...ancestorKey.split('|')])] };
    });
  }, [ancestorKey, at]);

  const rememberAll = (units: readonly UnitItem[]) => {
    for (const unit of units) known.current.set(`${at}|${unit.code}`, unit);
  };

  const makeTitle = (unit: UnitItem, path?: UnitSearchHit['path']) => (
    <span data-testid={`${testId}-option-${unit.code}`} className="unit-option">
      <span>{unit.name}</span>{' '}
      <Typography.Text type="secondary" className="unit-option-code">
        {unit.code}
      </Typography.Text>
      {path && path.length > 0 ? (
        <Typography.Text type="secondary" className="unit-option-path">
          {path.map((step) => step.name).join(' › ')}
        </Typography.Text>
      ) : null}
    </span>
  );

  const buildTreeData = (): PickerNode[] => {
    if (isSearching) {
      const items = hits.data ?? [];
      rememberAll(items);
      return items.map((hit) => ({
        key: hit.code,
        value: hit.code,
        title: makeTitle(hit, hit.path),
        isLeaf: true,
        disabled: isSelectable ? !isSelectable(hit) : false,
      }));
    }
    const roots = tree.roots ?? [];
    rememberAll(roots);
    return buildNodes<PickerNode>(tree, roots, (unit, children) => {
      if (children) rememberAll(tree.childrenOf(unit.code) ?? []);
      return {
        key: unit.code,
        value: unit.code,
        title: makeTitle(unit),
        isLeaf: !unit.hasChildren,
        disabled: isSelectable ? !isSelectable(unit) : false,
        children,
      };
    });
  };
  const treeData = buildTreeData();

  const label = value ? (known.current.get(`${at}|${value}`)?.name ?? detail.data?.name ?? value) : undefined;

  const searchingNow = isSearching && (hits.isFetching || term !== search.trim());

  return (
    <div data-testid={testId} className="unit-picker" style={style}>
      <TreeSelect<{ value: string; label: ReactNode } | undefined>
        id={id}
        status={status}
        style={{ width: '100%' }}
        labelInValue
        value={value ? { value, label } : undefined}
        treeData={treeData}
        loadData={isSearching ? undefined : (node) => tree.load(String(node.value))}
        treeExpandedKeys={isSearching ? [] : expanded}
        onTreeExpand={(keys: Key[]) => setOpened({ at, keys: keys.map(String) })}
        showSearch={{
          searchValue: search,
          onSearch: setSearch,
          filterTreeNode: false,
          autoClearSearchValue: true,
        }}
        placeholder={placeholder ?? t('picker.placeholder')}
        allowClear={allowClear}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { minWidth: 320, maxWidth: 'min(560px, 96vw)' } } }}
        listHeight={360}
        virtual={false}
        notFoundContent={
          searchingNow ? (
            <Spin size="small" />
          ) : isSearching ? (
            t('picker.noMatch')
          ) : tree.isLoading ? (
            <Spin size="small" />
          ) : (
            t('picker.empty')
          )
        }
        popupRender={(menu) => <div data-testid={`${testId}-popup`}>{menu}</div>}
        onChange={(picked) => {
          const code = picked?.value ?? null;
          setSearch('');
          onChange?.(code, code ? (known.current.get(`${at}|${code}`) ?? null) : null);
        }}
      />
    </div>
  );
}
