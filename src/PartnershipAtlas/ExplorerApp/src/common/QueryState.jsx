import Loading from './Loading.jsx';
import ErrorMessage from './ErrorMessage.jsx';

/** The loading state or the error of a useQuery result, or its children once the data is there. */
export default function QueryState({ result, what, children }) {
  if (result.error) return <ErrorMessage error={result.error} what={what} />;
  if (!result.data) return <Loading what={what} />;
  return children(result.data);
}
