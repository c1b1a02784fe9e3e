import { graphql } from './gql';

/** The newest import runs: what the dashboard shows. */
export const RecentRuns = graphql(`
  query RecentRuns($last: Int!) {
    importRuns(last: $last) {
      totalCount
      nodes { id dataset fileName status rowsRead rowsRejected finishedAt }
    }
  }
`);

/** An event after every commit to the store, by anyone: the dashboard refreshes on it. */
export const StoreChanged = graphql(`
  subscription StoreChanged {
    storeChanged { stamp at }
  }
`);
