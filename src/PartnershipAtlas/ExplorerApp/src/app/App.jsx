import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import Layout from './Layout.jsx';
import HomePage from '../home/HomePage.jsx';
import NotFound from '../common/NotFound.jsx';
import Loading from '../common/Loading.jsx';

// The pages beyond the home page load on first visit, so `/` is interactive sooner.
const NetworkPage = lazy(() => import('../networks/NetworkPage.jsx'));
const SchoolPage = lazy(() => import('../schools/SchoolPage.jsx'));
const OverlapsPage = lazy(() => import('../overlaps/OverlapsPage.jsx'));

export default function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="networks/:id" element={<Suspense fallback={<Loading what="the network page" />}><NetworkPage /></Suspense>} />
        <Route path="schools/:urn" element={<Suspense fallback={<Loading what="the school page" />}><SchoolPage /></Suspense>} />
        <Route path="overlaps" element={<Suspense fallback={<Loading what="the overlaps page" />}><OverlapsPage /></Suspense>} />
        <Route path="*" element={<NotFound what="page" />} />
      </Route>
    </Routes>
  );
}
