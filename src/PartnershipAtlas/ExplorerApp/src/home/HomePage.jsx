import Search from './Search.jsx';
import Landscape from './Landscape.jsx';

export default function HomePage() {
  return (
    <>
      <h1>Schools and the networks they share</h1>
      <Search />
      <Landscape />
    </>
  );
}
