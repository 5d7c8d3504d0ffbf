import { Alert, Empty, Spin, Tree, Typography } from 'antd';
import { type Key, type ReactNode, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { UnitKindIcon } from './UnitKindIcon';
import { buildNodes, useUnitTree } from './use-unit-tree';

type TreeNode = { key: string; title: ReactNode; isLeaf: boolean; icon: ReactNode; children?: TreeNode[] };

/**
 * The administrative tree as of `at`. Roots open by default; children load when a node opens;
 * the ancestors of the selected unit open so that it is in view.
 */
export function UnitTree({
  at,
  selectedCode,
  ancestors,
}: {
  at: string;
  selectedCode: string | null;
  ancestors: readonly string[];
}) {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState<string[]>([]);
  const touched = useRef(false);
  const tree = useUnitTree(at, expanded);

  useEffect(() => {
    if (!touched.current && tree.roots && tree.roots.length > 0) {
      touched.current = true;
      setExpanded((current) => [...new Set([...current, ...(tree.roots ?? []).map((unit) => unit.code)])]);
    }
  }, [tree.roots]);

  const ancestorKey = ancestors.join('|');
  useEffect(() => {
    if (ancestorKey) setExpanded((current) => [...new Set([...current, ...ancestorKey.split('|')])]);
  }, [ancestorKey]);

  if (tree.isLoading) return <Spin />;
  if (tree.error) return <Alert type="error" showIcon title={errorText(tree.error)} />;
  if (!tree.roots || tree.roots.length === 0) return <Empty description={t('units.tree.empty')} />;

  const nodes = buildNodes<TreeNode>(tree, tree.roots, (unit, children) => ({
    key: unit.code,
    isLeaf: !unit.hasChildren,
    icon: <UnitKindIcon kind={unit.kind} />,
    title: (
      <span data-testid={`tree-node-${unit.code}`} data-kind={unit.kind} className="tree-node-title">
        {unit.name}{' '}
        <Typography.Text type="secondary" className="tree-node-code">
          {unit.code}
        </Typography.Text>
      </span>
    ),
    children,
  }));

  return (
    <Tree
      data-testid="unit-tree"
      className="unit-tree"
      showIcon
      blockNode
      treeData={nodes}
      expandedKeys={expanded}
      selectedKeys={selectedCode ? [selectedCode] : []}
      loadData={(node) => tree.load(String(node.key))}
      onExpand={(keys: Key[]) => {
        touched.current = true;
        setExpanded(keys.map(String));
      }}
      onSelect={(keys: Key[]) => {
        const code = keys[0];
        if (code !== undefined) navigate(`/units/${encodeURIComponent(String(code))}?at=${at}`);
      }}
    />
  );
}
