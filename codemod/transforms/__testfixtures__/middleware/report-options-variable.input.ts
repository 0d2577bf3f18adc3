import { withAuth } from "next-auth/middleware";
import { options } from "./middleware-options";

export default withAuth(options);
