/** An API error as the API worded it; a 429 says when to retry. */
export default function ErrorMessage({ error, what }) {
  return (
    <div className="error" role="alert">
      <p><strong>Could not load {what}.</strong> {error.message}</p>
      {error.status === 429 && <p>Retry after {error.retryAfter} seconds.</p>}
    </div>
  );
}
