import { CameraOutlined, CloseOutlined, SaveOutlined } from '@ant-design/icons';
import { matchesSearch } from '@doanket/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Image, Input, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFormat, fromDayjs, toDayjs, todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { isValidOn } from '../units/unit-labels';
import { downscalePhoto } from './photo';
import { activityIcons, activityLabel } from './team-labels';
import { type ActivityKind, activityKinds, refreshTeams, type TeamDetail, teamsApi } from './teams.api';

/**
 * Logs what a team did, sized for a thumb: a kind, the households concerned, a note, a photo.
 * A visit to one household is three taps: the kind, the household, "Lưu".
 */
export function ActivityForm({ team, onSaved }: { team: TeamDetail; onSaved?: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const today = todayInVietnam();
  const [kind, setKind] = useState<ActivityKind | null>(null);
  const [occurredOn, setOccurredOn] = useState(today);
  const [picked, setPicked] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [isPreparingPhoto, setPreparingPhoto] = useState(false);
  const [photoError, setPhotoError] = useState(false);
  const [isKindMissing, setKindMissing] = useState(false);
  const photoInput = useRef<HTMLInputElement>(null);

  const households = team.households.filter((household) => isValidOn(household, occurredOn));
  const shown = filter.trim()
    ? households.filter((household) =>
        matchesSearch(`${household.code} ${household.headName ?? ''} ${household.address ?? ''}`, filter),
      )
    : households;

  const save = useMutation({
    mutationFn: () =>
      teamsApi.logActivity(team.id, {
        occurredOn,
        kind: kind as ActivityKind,
        householdIds: picked,
        notes: notes.trim() || null,
        photo,
      }),
    onSuccess: async () => {
      await refreshTeams(client);
      setKind(null);
      setPicked([]);
      setNotes('');
      setPhoto(null);
      setFilter('');
      onSaved?.();
    },
  });

  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((item) => item !== id) : [...current, id]));

  return (
    <Flex vertical gap={16} data-testid="activity-form">
      <div>
        <Typography.Text strong>{t('activity.kind')}</Typography.Text>
        <div className="activity-kinds" role="radiogroup" aria-label={t('activity.kind')}>
          {activityKinds.map((value) => (
            <Button
              key={value}
              size="large"
              role="radio"
              aria-checked={kind === value}
              type={kind === value ? 'primary' : 'default'}
              icon={activityIcons[value]}
              className="activity-kind"
              onClick={() => {
                setKind(value);
                setKindMissing(false);
              }}
              data-testid={`activity-kind-${value}`}
            >
              {activityLabel(t, value)}
            </Button>
          ))}
        </div>
        {isKindMissing ? <Typography.Text type="danger">{t('activity.kindRequired')}</Typography.Text> : null}
      </div>

      <div>
        <Flex justify="space-between" align="baseline" wrap gap={8}>
          <Typography.Text strong>{t('activity.households')}</Typography.Text>
          <Typography.Text type="secondary" data-testid="activity-picked-count">
            {t('activity.picked', { count: picked.length })}
          </Typography.Text>
        </Flex>
        {households.length > 6 ? (
          <Input.Search
            allowClear
            size="large"
            placeholder={t('activity.householdSearch')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            style={{ margin: '8px 0' }}
            data-testid="activity-household-search"
          />
        ) : null}
        {households.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('activity.noHouseholds')}</Typography.Paragraph>
        ) : (
          <div className="activity-households" data-testid="activity-households">
            {shown.map((household) => (
              <Checkbox
                key={household.householdId}
                checked={picked.includes(household.householdId)}
                onChange={() => toggle(household.householdId)}
                className={`activity-household${picked.includes(household.householdId) ? ' is-picked' : ''}`}
                data-testid={`activity-household-${household.code}`}
              >
                <strong>{household.headName ?? household.code}</strong>
                <br />
                <Typography.Text type="secondary" className="small-text">
                  {household.code}
                  {household.address ? ` · ${household.address}` : ''}
                </Typography.Text>
              </Checkbox>
            ))}
          </div>
        )}
      </div>

      <div>
        <Typography.Text strong>{t('activity.notes')}</Typography.Text>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          placeholder={t('activity.notesHint')}
          data-testid="activity-notes"
        />
      </div>

      <Flex wrap gap={16} align="flex-start">
        <div>
          <Typography.Text strong>{t('activity.date')}</Typography.Text>
          <DatePicker
            size="large"
            value={toDayjs(occurredOn)}
            format={dateFormat}
            allowClear={false}
            disabledDate={(value) => fromDayjs(value) > today}
            onChange={(value) => value && setOccurredOn(fromDayjs(value))}
            style={{ display: 'block', width: 180 }}
            inputReadOnly
            data-testid="activity-date"
          />
        </div>
        <div>
          <Typography.Text strong>{t('activity.photo')}</Typography.Text>
          <Flex gap={8} align="center">
            <Button
              size="large"
              icon={<CameraOutlined />}
              onClick={() => photoInput.current?.click()}
              data-testid="activity-photo-button"
            >
              {photo ? t('activity.photoChange') : t('activity.photoTake')}
            </Button>
            <input
              ref={photoInput}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              data-testid="activity-photo"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (!file) return;
                setPreparingPhoto(true);
                setPhotoError(false);
                try {
                  setPhoto(await downscalePhoto(file));
                } catch {
                  setPhotoError(true);
                } finally {
                  setPreparingPhoto(false);
                }
              }}
            />
            {isPreparingPhoto ? <Spin size="small" /> : null}
            {photo ? (
              <>
                <Image
                  src={photo}
                  width={56}
                  height={56}
                  style={{ objectFit: 'cover' }}
                  data-testid="activity-photo-preview"
                />
                <Button
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={t('activity.photoRemove')}
                  onClick={() => setPhoto(null)}
                />
              </>
            ) : null}
          </Flex>
          {photoError ? <Typography.Text type="danger">{t('activity.photoError')}</Typography.Text> : null}
        </div>
      </Flex>

      {save.error ? <ErrorAlert error={save.error} testId="activity-error" /> : null}
      <Button
        type="primary"
        size="large"
        block
        icon={<SaveOutlined />}
        loading={save.isPending}
        disabled={isPreparingPhoto}
        className="activity-save"
        onClick={() => {
          if (!kind) {
            setKindMissing(true);
            return;
          }
          save.mutate();
        }}
        data-testid="activity-save"
      >
        {t('common.save')}
      </Button>
    </Flex>
  );
}
