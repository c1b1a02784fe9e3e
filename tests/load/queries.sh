# The benchmark's GraphQL requests, one JSON body per scenario (sourced by run.sh).
declare -A QUERIES=(
  [typename]='{"query":"{ __typename }"}'
  [nested20_networks]='{"query":"{ establishments(first: 20) { nodes { urn name partnerships { kind name } } } }"}'
  [nested20_establishments]='{"query":"{ establishments(first: 20) { nodes { urn name memberships { role partnership { name kind } } } } }"}'
  [nested20]='{"query":"{ partnerships(first: 20) { nodes { name kind members(first: 5) { nodes { role establishment { urn name } } } } } }"}'
  [filtered_ordered]='{"query":"{ establishments(first: 20, where: { phase: { eq: \"Primary\" }, numberOfPupils: { gt: 200 }, memberships: { some: { partnership: { kind: { eq: DIOCESE } } } } }, order: [{ laName: ASC }, { numberOfPupils: DESC }]) { nodes { urn name laName numberOfPupils } } }"}'
  [overlap]='{"query":"{ overlaps(kinds: [MULTI_ACADEMY_TRUST, SPONSOR, FEDERATION], otherKinds: [DIOCESE], first: 20) { nodes { a { name } b { name } sharedCount jaccard } } }"}'
  [one_establishment]='{"query":"{ establishments(first: 1) { nodes { urn } } }"}' # the fixed cost of a request that reads the store once (profile.sh)
)
ORDER=(typename nested20_networks nested20_establishments nested20 filtered_ordered overlap)
