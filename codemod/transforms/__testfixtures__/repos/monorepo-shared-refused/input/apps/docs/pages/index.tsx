// A docs site beside the app: no next-auth route of its own.
export default function Docs() {
  return <h1>Docs</h1>;
}
