export default function Home() {
  return <p>Shop</p>;
}
