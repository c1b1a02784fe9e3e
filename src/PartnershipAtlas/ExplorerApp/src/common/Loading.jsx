export default function Loading({ what }) {
  return <p className="loading" role="status">Loading {what}…</p>;
}
