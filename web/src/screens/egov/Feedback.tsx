import { useState } from 'react';
import { Tile, latest } from '../../components/Tile';
import { graphql, readFragment, type ResultOf } from '../../graphql/tada';
import { useI18n } from '../../i18n/i18n';
import { prependCapped } from '../../live/capped';
import { useLiveQuery, useLiveSubscription } from '../../live/hooks';
import { formatDateTime } from '../../lib/format';

export const FeedbackItem = graphql(`
  fragment FeedbackItem on Feedback { id title category status channel receivedAt citizenName citizenPhone commune { nameWithType } }
`);

export const Feedback_Latest = graphql(
  `
  query Feedback_Latest {
    feedback(first: 15) { totalCount nodes { ...FeedbackItem } }
  }
`,
  [FeedbackItem],
);

export const Feedback_Received = graphql(`subscription Feedback_Received { feedbackReceived { ...FeedbackItem } }`, [FeedbackItem]);

type Item = ResultOf<typeof FeedbackItem>;
const feedbackLimit = 15;

/** Citizen feedback (PAKN) newest first; names and phones arrive masked from the graph and are shown as served. */
export function Feedback() {
  const { t, lang } = useI18n();
  const query = useLiveQuery(Feedback_Latest, {});
  const [live, setLive] = useState<Item[]>([]);
  const stream = useLiveSubscription(Feedback_Received, {}, (data) => setLive((list) => prependCapped(list, readFragment(FeedbackItem, data.feedbackReceived), feedbackLimit)));
  let items: Item[] = (query.data?.feedback.nodes ?? []).map((node) => readFragment(FeedbackItem, node));
  for (const item of [...live].reverse()) items = prependCapped(items, item, feedbackLimit);
  return (
    <Tile name="feedback" title={t('egov.feedback')} updatedAt={latest(query.receivedAt, stream.eventAt)} failure={query.failure} streamFailure={stream.failure} loading={!query.data}>
      <ol className="plain feedback" aria-live="polite">
        {items.map((item) => (
          <li key={item.id}>
            <strong>{item.title}</strong>
            <span className="muted small">
              {' '}
              · {t(`feedbackStatus.${item.status}`)} · {item.citizenName}
              {item.citizenPhone ? ` · ${item.citizenPhone}` : ''} · {item.commune?.nameWithType ?? ''} · {formatDateTime(lang, item.receivedAt)}
            </span>
          </li>
        ))}
      </ol>
    </Tile>
  );
}
