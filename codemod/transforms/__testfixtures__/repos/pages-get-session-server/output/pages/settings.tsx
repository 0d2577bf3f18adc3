import { useEffect, useState } from "react";
import type { GetServerSideProps } from "next";
import { getSession } from "next-auth/react";
import { auth } from "@/auth";

export default function Settings({ name }: { name: string }) {
  const [expires, setExpires] = useState("");
  useEffect(() => {
    // In the browser getSession() reads the session itself: it stays as it is.
    getSession().then((s) => setExpires(s?.expires ?? ""));
  }, []);
  return (
    <p>
      {name}, session until {expires}
    </p>
  );
}

export const getServerSideProps: GetServerSideProps = async (context) => {
  const session = await auth(context);
  return { props: { name: session?.user?.name ?? "guest" } };
};
