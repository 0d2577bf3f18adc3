import { Button } from "@acme/ui";
import { signInUrl } from "../lib/links";

export default function Docs() {
  return (
    <a href={signInUrl}>
      <Button>Try it</Button>
    </a>
  );
}
