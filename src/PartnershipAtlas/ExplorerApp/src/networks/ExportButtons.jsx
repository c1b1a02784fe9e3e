/**
 * The network's graph as the export routes write it (GET /export/network: the school–network graph of its kind on the
 * date, GraphML or CSV). The members table has its own CSV button.
 */
export default function ExportButtons({ network, asOf }) {
  const query = (format) => new URLSearchParams({ format, kinds: network.kind, ...(asOf ? { asOf } : {}) });
  return (
    <p className="exports">
      Download the {network.kind.toLowerCase().replaceAll('_', ' ')} network graph (schools and networks of this kind):{' '}
      <a className="button" href={`/export/network?${query('graphml')}`} download>GraphML</a>{' '}
      <a className="button" href={`/export/network?${query('csv')}`} download>CSV</a>
    </p>
  );
}
